//! The bundled curriculum carries the program's facts (docs in /work/shared/program.md):
//! 22 courses, 64 credits, four semesters of 17/17/16/14, exact titles, three career paths.

use degree_planner::model::{self, Curriculum, Plan};
use degree_planner::store;

/// (title, credits, semester) for every course, in program order, letter for letter.
const EXPECTED: [(&str, u32, u32); 22] = [
    ("Introduction to Backend Programming (Node.js)", 4, 1),
    ("Algorithms and Data Structures", 3, 1),
    ("Basic Database Management", 3, 1),
    ("HTTP, Server Structures and Web Architecture", 3, 1),
    ("Technical English I", 2, 1),
    ("Version Control in Software (Git)", 2, 1),
    ("RESTful API Development", 4, 2),
    ("Authentication and Security Basics", 3, 2),
    ("Introduction to NoSQL Databases (MongoDB)", 3, 2),
    ("Linux Basics and CLI Usage", 2, 2),
    ("Technical English II", 2, 2),
    ("Backend Application Development Project I", 3, 2),
    ("Microservice Architecture and Docker", 4, 3),
    ("Software Testing and Debugging Techniques", 3, 3),
    ("Advanced Database Management", 3, 3),
    ("Cache Systems and Performance Optimization", 2, 3),
    ("Backend Application Development Project II", 4, 3),
    ("DevOps Fundamentals and CI/CD Processes", 3, 4),
    ("Scalability and Cloud Computing Introduction", 3, 4),
    ("Web Security and Vulnerability Analysis", 2, 4),
    ("Final Project: Backend System Design", 4, 4),
    ("Freelancing and Career Management", 2, 4),
];

fn bundled() -> Curriculum {
    let loaded = store::bundled_curriculum().expect("bundled curriculum must load");
    assert!(
        loaded.warnings.is_empty(),
        "warnings: {:?}",
        loaded.warnings
    );
    loaded.curriculum
}

#[test]
fn has_22_courses_and_64_degree_credits() {
    let c = bundled();
    assert_eq!(c.courses.len(), 22);
    assert_eq!(c.degree_credits, 64);
    assert_eq!(c.name, "Backend Engineering");
    assert_eq!(
        c.semesters,
        ["Semester I", "Semester II", "Semester III", "Semester IV"]
    );
    assert_eq!(c.courses.iter().map(|x| x.credits).sum::<u32>(), 64);
}

#[test]
fn semesters_carry_17_17_16_14_credits() {
    let c = bundled();
    let mut per_semester = [0u32; 4];
    for course in &c.courses {
        let s = course
            .semester
            .expect("every bundled course has a semester");
        per_semester[(s - 1) as usize] += course.credits;
    }
    assert_eq!(per_semester, [17, 17, 16, 14]);
}

#[test]
fn titles_credits_and_semesters_match_the_program_exactly() {
    let c = bundled();
    let actual: Vec<(&str, u32, u32)> = c
        .courses
        .iter()
        .map(|x| (x.title.as_str(), x.credits, x.semester.unwrap_or(0)))
        .collect();
    assert_eq!(actual, EXPECTED.to_vec());
}

#[test]
fn all_courses_are_required_and_codes_are_unique() {
    let c = bundled();
    assert!(c.courses.iter().all(|x| x.required));
    assert!(c.electives.is_empty());
    let mut codes: Vec<&str> = c.courses.iter().map(|x| x.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 22);
}

#[test]
fn three_career_paths_with_exact_ids_and_names() {
    let c = bundled();
    let paths: Vec<(&str, &str)> = c
        .paths
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(
        paths,
        [
            ("senior-backend", "Senior Back-End Developer"),
            ("devops", "DevOps Engineer"),
            ("architect", "Technical Lead or Architect"),
        ]
    );
}

#[test]
fn every_weight_has_a_reason() {
    let c = bundled();
    let mut weights = 0;
    for course in &c.courses {
        assert!(!course.careers.is_empty(), "{} has no weights", course.code);
        for path in course.careers.keys() {
            weights += 1;
            let reason = course.reasons.get(path);
            assert!(
                reason.is_some_and(|r| !r.trim().is_empty()),
                "{} has no reason for {path}",
                course.code
            );
        }
        // No reason without a weight either.
        assert_eq!(
            course.reasons.keys().collect::<Vec<_>>(),
            course.careers.keys().collect::<Vec<_>>(),
            "{}",
            course.code
        );
    }
    assert_eq!(weights, 58);
    let be101 = c.course("BE101").unwrap();
    assert_eq!(
        be101.reasons["devops"],
        "automation scripts and services are written in code too"
    );
}

#[test]
fn the_recommended_plan_has_no_problems_and_64_credits() {
    let c = bundled();
    let plan = Plan::recommended(&c, "Ada");
    assert_eq!(model::problems(&c, &plan), vec![]);
    let credits = model::credits(&c, &plan);
    assert_eq!(credits.planned, 64);
    assert_eq!(credits.total(), 64);
    assert_eq!(credits.remaining(), 0);
    assert_eq!(plan.terms.len(), 4);
    let per_term: Vec<u32> = (0..4).map(|t| model::term_credits(&c, &plan, t)).collect();
    assert_eq!(per_term, [17, 17, 16, 14]);
}
