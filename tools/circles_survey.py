#!/usr/bin/env python3
"""Survey of the UNSW 2022 handbook data in devsoc-unsw/circles, for issue 14.

Counts, over the catalog, which requisite and course-fact constructs occur, how many courses
today's curriculum format could carry faithfully, and how many the proposed requirement
language (docs/design/requirement-language.md) could; then the structure of program 3778
(Computer Science) and its streams and minors.

Reads the data straight from a git mirror, so nothing is copied into this repository:

    python3 tools/circles_survey.py /work/.mirror/devsoc-unsw+circles/repo a30c09d3

Python 3.11, standard library only. Output is plain text tables; `--json FILE` also writes the
numbers as JSON. The run is deterministic (every listing is sorted).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys

BASE = "backend/data/final_data/"
FILES = [
    "coursesProcessed.json",
    "conditionsProcessed.json",
    "conditionsTokens.json",
    "programsProcessed.json",
    "specialisationsProcessed.json",
    "errors.json",
]

COURSE = re.compile(r"^[A-Z]{4}\d{4}$")
UOC = re.compile(r"^(\d+)UOC$")
WAM = re.compile(r"^(\d+)WAM$")
GRADE = re.compile(r"^(\d+)GRADE$")
PROGRAM = re.compile(r"^(\d{4}|[A-Z]{5}\d{5}|[A-Z]{6}\d{4})$")
PROGRAM_TYPE = re.compile(r"^[A-Z]{4}#$")
SPEC = re.compile(r"^[A-Z?]{5}[0-9H?]$")
SUBJECT = re.compile(r"^[A-Z]{4}$")
LEVEL = re.compile(r"^L(\d)$")
CODE_IN_TEXT = re.compile(r"\b([A-Z]{4}\d{4})\b")

PERMISSION = re.compile(
    r"permission|approv|consent|discretion|at the discretion|by invitation|audition|interview",
    re.I,
)
# "X or <permission>": the permission is an alternative, not an extra condition.
PERMISSION_ALT = re.compile(
    r"\bor\b[^.;]{0,60}?(permission|approv|consent|discretion)", re.I
)
ENROL_WORDS = re.compile(r"enrol|program|stream|major|minor|honours|degree|plan\b", re.I)
# "to enrol in this course", "concurrently enrolled in CODE3202": the word, not a restriction.
ENROL_FALSE = re.compile(r"(to|order to) enrol(l)?(ing)?( in this course)?|concurrently enrolled in [A-Z]{4}\d{4}", re.I)
NOT_ENROLLED = re.compile(r"not (be )?enrolled|non-[A-Z]{2,}|must not be|excluded from|are not allowed", re.I)
# Conditions a planner cannot check from a plan; written as a manual leaf with the text.
MANUAL = re.compile(
    r"good (academic )?standing|final (year|term)|core requirements|year core|first year core|"
    r"by application|audition|interview|portfolio|recommended|assumed knowledge|progression check|"
    r"co-?op scholar|course overview|selection criteria|approv|permission|waiver|agreement|consent",
    re.I,
)
# Leftover words that carry meaning (vs. course titles and filler).
STRUCTURAL = re.compile(
    r"^(enrol\w*|program\w*|plan|majors?|minors?|streams?|honours|degree\w*|level|lv\d?|uoc|core|"
    r"years?|not|non-?\w*|excluded|must|permission|approv\w*|consent|concurrent\w*|wam\w*|mark|"
    r"grade|pass(ed)?|credit|final|from|except|only|either|each|overall|\d{4},?|[a-z]{4}#\.?)$",
    re.I,
)
UOC_WORDS = re.compile(r"\buoc\b|\d\s*uoc|units? of credit", re.I)
WAM_WORDS = re.compile(r"\bwam\b|\d\s*wam|mark of|minimum mark|grade|credit average|\bCR\b|\bDN\b|\bHD\b", re.I)
COREQ_WORDS = re.compile(r"co-?req|concurrent|corequisite", re.I)
LEVEL_WORDS = re.compile(r"level\s*\d|\blv\s*\d", re.I)
ALT_YEARS = re.compile(
    r"alternate years|alternating years|odd[- ]numbered years|even[- ]numbered years|odd years|"
    r"even years|every (second|other) year|offered biennially|not offered in 20\d\d",
    re.I,
)
MULTI_TERM = re.compile(
    r"multi-?term|over (two|2|consecutive|three|3) terms|across (two|2|three|3) terms|"
    r"variable (uoc|units|credit)|units of credit vary",
    re.I,
)
CAP_WORDS = re.compile(r"up to|maximum|at most|no more than|only count one|only count", re.I)
# Requisite text, before any "Exclusion:" / "Equivalent:" part (those come from other fields).
EXCL_SPLIT = re.compile(r"(exclu\w*|equivalen\w*)\s*:", re.I)


def git_show(git_dir: str, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    ).stdout


# ---------------------------------------------------------------- token parser

class Node:
    """A parsed requisite: op in all/any/course/coreq/uoc/wam/grade/program/ptype/spec/word."""

    __slots__ = ("op", "kids", "value", "cat")

    def __init__(self, op, kids=None, value=None, cat=None):
        self.op, self.kids, self.value, self.cat = op, kids or [], value, cat


class Parse:
    def __init__(self, tokens):
        self.t = tokens
        self.i = 0
        self.mixed = False  # "A || B && C" at one level: circles calls it undefined
        self.words = []  # tokens that are not part of the grammar (unparsed English)
        self.word_at = []  # their positions
        self.adjacent = False  # two operands with no operator between them
        self.cats = []  # category kinds seen after "in"

    def peek(self, k=0):
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    def group(self, close=")"):
        kids, ops = [], set()
        need_op = False
        while self.peek() is not None and self.peek() != close:
            tok = self.peek()
            if tok in ("&&", "||"):
                ops.add(tok)
                self.i += 1
                need_op = False
                continue
            kid = self.atom()
            if kid.op != "word":
                if need_op:
                    self.adjacent = True
                need_op = True
            kids.append(kid)
        if self.peek() == close:
            self.i += 1
        if len(ops) > 1:
            self.mixed = True
        op = "any" if ops == {"||"} else "all"
        if len(kids) == 1 and not ops:
            return kids[0]
        return Node(op, kids)

    def category(self):
        tok = self.peek()
        if tok is None:
            return None
        if tok == "(":
            self.i += 1
            depth = 1
            parts = []
            while self.peek() is not None and depth:
                x = self.peek()
                depth += (x == "(") - (x == ")")
                if depth:
                    parts.append(x)
                self.i += 1
            kinds = set()
            for x in parts:
                if SUBJECT.match(x):
                    kinds.add("subject")
                elif LEVEL.match(x):
                    kinds.add("level")
                elif COURSE.match(x):
                    kinds.add("course")
                elif x not in ("&&", "||"):
                    kinds.add("word")
            return "composite(" + "+".join(sorted(kinds)) + ")"
        m = LEVEL.match(tok)
        if m:
            self.i += 1
            nxt = self.peek()
            if nxt == "in" and self.peek(1) and SUBJECT.match(self.peek(1)):
                self.i += 2
                return "level+subject"
            if nxt and SUBJECT.match(nxt):
                self.i += 1
                return "level+subject"
            return "level"
        if SUBJECT.match(tok) and tok not in ("UNSW",):
            self.i += 1
            return "subject"
        if tok in ("F", "S") and self.peek(1):
            self.i += 2
            return "faculty" if tok == "F" else "school"
        if COURSE.match(tok):
            self.i += 1
            return "course"
        if SPEC.match(tok):
            self.i += 1
            return "specialisation"
        if PROGRAM.match(tok):
            self.i += 1
            return "program"
        return None

    def atom(self):
        tok = self.peek()
        self.i += 1
        if tok == "(":
            return self.group(")")
        if tok == "[":
            inner = self.group("]")
            return Node("coreq", [inner])
        if COURSE.match(tok):
            return Node("course", value=tok)
        for rx, op in ((UOC, "uoc"), (WAM, "wam"), (GRADE, "grade")):
            m = rx.match(tok)
            if m:
                start = self.i
                cat = None
                if self.peek() == "in":
                    self.i += 1
                    cat = self.category()
                    if cat is None:
                        cat = "unparsed"
                        self.words.append("in")
                    self.cats.append((op, cat))
                node = Node(op, value=int(m.group(1)), cat=cat)
                node.kids = [Node("course", value=c) for c in p_codes(self.t, start, self.i)] if op == "grade" else []
                return node
        if PROGRAM.match(tok):
            return Node("program", value=tok)
        if PROGRAM_TYPE.match(tok):
            return Node("ptype", value=tok)
        if SPEC.match(tok):
            return Node("spec", value=tok)
        self.words.append(tok)
        self.word_at.append(self.i - 1)
        return Node("word", value=tok)

    def words_are_titles(self):
        """Every unparsed word is a course title before "(CODE)" or "courses" after a subject."""
        t = self.t
        for j in self.word_at:
            w = t[j].strip(".,;:")
            if STRUCTURAL.match(w) or LEVEL.match(w):
                return False
            if w.lower() == "courses" and j > 0 and SUBJECT.match(t[j - 1]):
                continue
            k = j
            while k < len(t) and k in self.word_set():
                k += 1
            if not (k + 1 < len(t) and t[k] == "(" and (COURSE.match(t[k + 1]) or t[k + 1] == "(")):
                return False
        return True

    def word_set(self):
        return set(self.word_at)


def p_codes(tokens, start, end):
    """Course codes in tokens[start:end] (the category of a grade leaf)."""
    return [x for x in tokens[start:end] if COURSE.match(x)]


def parse(tokens):
    p = Parse(tokens)
    root = p.group(close=None) if tokens else Node("all")
    return root, p


def strip_words(node):
    if node.op in ("all", "any", "coreq"):
        node.kids = [k for k in (strip_words(k) for k in node.kids) if k is not None]
        if node.op != "coreq" and len(node.kids) == 1:
            return node.kids[0]
        if not node.kids:
            return None
    elif node.op == "word":
        return None
    return node


def walk(node):
    yield node
    for k in node.kids:
        yield from walk(k)


def logic_depth(node):
    """Operator levels after merging same-operator nesting: A = 0, A && B = 1, A && (B || C) = 2."""
    if node.op in ("all", "any"):
        best = 0
        for k in node.kids:
            d = logic_depth(k)
            if k.op == node.op:
                d -= 1
            best = max(best, d)
        return 1 + best
    if node.op == "coreq":
        return max((logic_depth(k) for k in node.kids), default=0)
    return 0


def is_plain_list(node):
    """Only courses, under at most one operator (no nesting, no other leaves)."""
    if node.op == "course":
        return True
    return node.op in ("all", "any") and all(k.op == "course" for k in node.kids)


def is_and_of_courses(node):
    if node.op == "course":
        return True
    return node.op == "all" and all(is_and_of_courses(k) for k in node.kids)


def must_courses(n):
    """Courses required in every alternative of the expression (prerequisites, not corequisites)."""
    if n is None or n.op == "coreq":
        return set()
    if n.op == "course":
        return {n.value}
    if n.op == "grade":
        return {k.value for k in n.kids} if len(n.kids) == 1 else set()
    if n.op == "all":
        return set().union(*(must_courses(k) for k in n.kids))
    if n.op == "any":
        alts = [must_courses(k) for k in n.kids]
        return set.intersection(*alts) if alts else set()
    return set()


def any_courses(n):
    """Every course a prerequisite (not corequisite) leaf names."""
    if n is None or n.op == "coreq":
        return set()
    if n.op == "course":
        return {n.value}
    return set().union(*(any_courses(k) for k in n.kids)) if n.kids else set()


def cycles(edges, nodes):
    """Strongly connected components of more than one course (iterative Tarjan)."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return sorted(out)


# ---------------------------------------------------------------- survey

def survey(data):
    courses = data["coursesProcessed.json"]
    conds = data["conditionsProcessed.json"]
    tokens = data["conditionsTokens.json"]
    errors = data["errors.json"]
    catalog = set(courses)
    out = collections.OrderedDict()
    ex = collections.defaultdict(list)  # construct -> example course codes

    def note(key, code):
        if len(ex[key]) < 5:
            ex[key].append(code)

    n = len(courses)
    out["courses in catalog"] = n
    with_text = [c for c in sorted(courses) if courses[c]["raw_requirements"].strip()]
    out["courses with published requisite text"] = len(with_text)

    cnt = collections.Counter()
    depth_hist = collections.Counter()
    cat_hist = collections.Counter()
    faithful_new = collections.Counter()  # reason -> courses
    today_ok = 0
    outside_codes = collections.Counter()
    outside_courses = set()
    per_course_class = {}
    rule_use = collections.Counter()
    edges_any, edges_must = {}, {}
    by_construct = collections.defaultdict(collections.Counter)  # construct -> class -> courses

    for code in sorted(courses):
        text = courses[code]["raw_requirements"].strip()
        original = re.sub(r"<[^>]+>", " ", conds.get(code, {}).get("original", ""))
        req_text = EXCL_SPLIT.split(original)[0]
        toks = tokens.get(code, [])
        root, p = parse(toks)
        tree = strip_words(root)
        leaves = [x for x in walk(tree)] if tree is not None else []
        ops = collections.Counter(x.op for x in leaves)
        has_req = tree is not None and any(
            x.op not in ("all", "any") for x in leaves
        )
        if has_req:
            cnt["courses with a parsed requisite (tokens)"] += 1
        if p.words:
            cnt["courses whose tokens hold unparsed words"] += 1
            note("unparsed words", code)
        if code in errors:
            cnt["courses circles' own parser rejected (errors.json)"] += 1
        if p.mixed:
            cnt["courses with mixed && / || at one level"] += 1
            note("mixed", code)
        if has_req:
            d = logic_depth(tree)
            depth_hist[d] += 1
            if is_plain_list(tree):
                kind = "single course" if tree.op == "course" else f"plain {tree.op} of courses"
                cnt[f"requisite is a {kind}"] += 1
                note(kind, code)
            if d >= 2:
                cnt["requisites with AND/OR nesting (depth >= 2)"] += 1
                note("nesting", code)
            if ops["any"]:
                cnt["requisites with an OR"] += 1
            if ops["uoc"]:
                cnt["requisites with a credit threshold (NUOC)"] += 1
                note("uoc", code)
                if any(x.op == "uoc" and x.cat for x in leaves):
                    cnt["  ... of which within a category (subject/level/...)"] += 1
                    note("uoc in category", code)
            if ops["wam"]:
                cnt["requisites with a minimum WAM"] += 1
                note("wam", code)
            if ops["grade"]:
                cnt["requisites with a minimum grade in a course"] += 1
                note("grade", code)
            if ops["program"] or ops["ptype"] or ops["spec"]:
                cnt["requisites with program/stream enrolment"] += 1
                note("enrolment", code)
            if ops["program"]:
                cnt["  ... program code (e.g. 3778)"] += 1
            if ops["ptype"]:
                cnt["  ... program family (e.g. COMP#)"] += 1
            if ops["spec"]:
                cnt["  ... specialisation (e.g. COMPA1)"] += 1
            if ops["coreq"]:
                cnt["requisites with a corequisite [..]"] += 1
                note("coreq", code)
        for op, cat in p.cats:
            cat_hist[(op, cat)] += 1
        refs = {x.value for x in leaves if x.op == "course"}
        edges_any[code] = (any_courses(tree) & catalog) - {code}
        edges_must[code] = (must_courses(tree) & catalog) - {code}
        for r in refs:
            if r not in catalog:
                outside_codes[r] += 1
                outside_courses.add(code)
        if PERMISSION.search(req_text):
            cnt["requisite text mentions permission/approval/consent"] += 1
            note("permission", code)
            if PERMISSION_ALT.search(req_text):
                cnt["  ... as an alternative ('or ... approval')"] += 1
                note("permission alternative", code)
        if COREQ_WORDS.search(req_text):
            cnt["requisite text mentions a corequisite"] += 1
        if conds.get(code, {}).get("handbook_note"):
            cnt["courses with a circles handbook_note (hand approximation)"] += 1
            note("handbook_note", code)

        # --- can it be written faithfully?
        refs |= {k.value for x in leaves if x.op == "grade" for k in x.kids}
        text_codes = set(CODE_IN_TEXT.findall(req_text.upper())) - {code}
        hand = conds.get(code, {}).get("handbook_note") or conds.get(code, {}).get("warning") or ""
        enrol_text = ENROL_FALSE.sub("", req_text)
        lost, rules = [], []
        if not req_text.strip() or not re.search(r"[A-Za-z0-9]", req_text):
            cls = "no requisite"
        else:
            if code in errors or p.words:
                structural = [w for w in p.words if STRUCTURAL.match(w.strip(".,;:()"))]
                if not structural and text_codes <= refs and p.words_are_titles() and has_req:
                    rules.append("strip course titles and filler words")
                elif re.search(r"enrol", req_text, re.I) and re.search(r"\b\d{4}\b", req_text) and not (
                        set(w.lower().strip(".,") for w in structural) - {"enrolment", "enrolled", "program", "programs", "in"}
                        - {w.strip(".,") for w in structural if re.match(r"\d{4}", w)}):
                    rules.append("enrolment in listed program codes")
                else:
                    lost.append("unparsed text")
            if p.adjacent:
                lost.append("operands with no and/or between")
            if p.mixed:
                if "," in req_text:
                    lost.append("ambiguous and/or (commas)")
                else:
                    rules.append("'or' binds tighter than 'and'")
            if hand:
                if MANUAL.search(hand):
                    rules.append("permission / manual leaf from the hand note")
                else:
                    lost.append("hand note")
            if text_codes - refs:
                lost.append("course named in text missing")
            if ENROL_WORDS.search(enrol_text) and not (ops["program"] or ops["ptype"] or ops["spec"]):
                if NOT_ENROLLED.search(enrol_text):
                    rules.append("not enrolled in")
                elif not any("enrolment" in r for r in rules):
                    lost.append("enrolment in text missing")
            if UOC_WORDS.search(req_text) and not ops["uoc"]:
                lost.append("credits in text missing")
            if WAM_WORDS.search(req_text) and not (ops["wam"] or ops["grade"]):
                lost.append("mark in text missing")
            if COREQ_WORDS.search(req_text) and not ops["coreq"]:
                lost.append("corequisite in text missing")
            if LEVEL_WORDS.search(req_text) and not any(
                x.cat and "level" in x.cat for x in leaves
            ):
                lost.append("level in text missing")
            if PERMISSION.search(req_text):
                rules.append("permission alternative from the text")
            if not has_req and not lost and not rules:
                if MANUAL.search(req_text):
                    rules.append("permission / manual leaf from the text")
                else:
                    lost.append("text but nothing parsed")
            if lost:
                cls = "approximated"
            elif rules:
                cls = "faithful by a converter rule"
            else:
                cls = "faithful from the tokens"
        for r in set(rules) if cls == "faithful by a converter rule" else ():
            rule_use[r] += 1
        per_course_class[code] = (cls, lost)
        uses = set()
        if has_req:
            uses.add("plain course list" if is_plain_list(tree) else "other expression")
            if logic_depth(tree) >= 2 or p.mixed:
                uses.add("AND/OR nesting")
            for op, name in (("uoc", "credit threshold"), ("wam", "minimum WAM"),
                             ("grade", "minimum grade"), ("coreq", "corequisite")):
                if ops[op]:
                    uses.add(name)
            if any(x.op == "uoc" and x.cat for x in leaves):
                uses.add("credits within subject/level")
            if ops["program"] or ops["ptype"] or ops["spec"]:
                uses.add("program/stream enrolment")
            if refs - catalog:
                uses.add("course outside the catalog")
        if PERMISSION.search(req_text):
            uses.add("permission/approval")
        if code in errors or p.words:
            uses.add("text circles could not tokenise")
        for u in uses:
            by_construct[u][cls] += 1
        if cls == "approximated":
            for r in lost:
                faithful_new[r] += 1
        # today's format: no requisite, or an AND of courses that are all in the catalog,
        # and nothing in the text the plain list cannot say.
        if cls == "no requisite" or (
            cls == "faithful from the tokens" and is_and_of_courses(tree) and refs <= catalog
            and not PERMISSION.search(req_text)
        ):
            today_ok += 1

    order = [
        "courses with a parsed requisite (tokens)",
        "requisite is a single course",
        "requisite is a plain all of courses",
        "requisite is a plain any of courses",
        "requisites with an OR",
        "requisites with AND/OR nesting (depth >= 2)",
        "courses with mixed && / || at one level",
        "requisites with a credit threshold (NUOC)",
        "  ... of which within a category (subject/level/...)",
        "requisites with program/stream enrolment",
        "  ... program code (e.g. 3778)",
        "  ... program family (e.g. COMP#)",
        "  ... specialisation (e.g. COMPA1)",
        "requisites with a corequisite [..]",
        "requisite text mentions a corequisite",
        "requisites with a minimum grade in a course",
        "requisites with a minimum WAM",
        "requisite text mentions permission/approval/consent",
        "  ... as an alternative ('or ... approval')",
        "courses with a circles handbook_note (hand approximation)",
        "courses whose tokens hold unparsed words",
        "courses circles' own parser rejected (errors.json)",
    ]
    assert set(cnt) <= set(order), set(cnt) - set(order)
    out["requisite constructs (courses)"] = {k: cnt[k] for k in order}
    out["logic depth of parsed requisites (0 = one leaf)"] = {
        str(k): v for k, v in sorted(depth_hist.items())
    }
    out["categories after 'in' (leaf kind, category): uses"] = {
        f"{a} in {b}": v for (a, b), v in sorted(cat_hist.items())
    }
    classes = collections.Counter(c for c, _ in per_course_class.values())
    out["requisite classes"] = dict(sorted(classes.items()))
    with_req = n - classes["no requisite"]
    direct = classes["faithful from the tokens"]
    ruled = classes["faithful by a converter rule"]
    out["faithful share, proposed format, tokens as they are (of courses with a requisite)"] = (
        f"{direct}/{with_req} = {100 * direct / with_req:.1f}%"
    )
    out["faithful share, proposed format, with converter rules (of courses with a requisite)"] = (
        f"{direct + ruled}/{with_req} = {100 * (direct + ruled) / with_req:.1f}%"
    )
    out["faithful share, proposed format, with converter rules (of all courses)"] = (
        f"{direct + ruled + classes['no requisite']}/{n} = "
        f"{100 * (direct + ruled + classes['no requisite']) / n:.1f}%"
    )
    out["converter rules used (courses made faithful by each)"] = dict(
        sorted(rule_use.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    out["faithful share, today's format (of all courses)"] = f"{today_ok}/{n} = {100 * today_ok / n:.1f}%"
    today_req = today_ok - classes["no requisite"]
    out["faithful share, today's format (of courses with a requisite)"] = (
        f"{today_req}/{with_req} = {100 * today_req / with_req:.1f}%"
    )
    out["faithful share by construct (courses using it: faithful / total)"] = {
        u: "{}/{} = {:.0f}%".format(
            c["faithful from the tokens"] + c["faithful by a converter rule"], sum(c.values()),
            100 * (c["faithful from the tokens"] + c["faithful by a converter rule"]) / sum(c.values()))
        for u, c in sorted(by_construct.items())
    }
    out["why approximated (a course may have several reasons)"] = dict(
        sorted(faithful_new.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    out["requisites naming a course outside the catalog"] = {
        "courses": len(outside_courses),
        "distinct outside codes": len(outside_codes),
        "examples": sorted(outside_codes)[:8],
    }

    ca, cm = cycles(edges_any, catalog), cycles(edges_must, catalog)
    out["prerequisite cycles"] = {
        "through any alternative (harmless if an 'or' breaks it)": f"{len(ca)}: {ca}",
        "through courses required in every alternative (real cycles)": f"{len(cm)}: {cm}",
    }

    # --- course facts
    excl = collections.Counter()
    excl_out = set()
    for code in sorted(courses):
        c = courses[code]
        e, q = c.get("exclusions") or {}, c.get("equivalents") or {}
        if e:
            excl["courses with exclusions"] += 1
            note("exclusion", code)
        if q:
            excl["courses with equivalents"] += 1
            note("equivalent", code)
        excl["exclusion records"] += len(e)
        excl["equivalent records"] += len(q)
        for x in list(e) + list(q):
            if COURSE.match(x):
                if x not in catalog:
                    excl_out.add(x)
            else:
                excl["records naming a program, not a course"] += 1
        for x in e:
            if COURSE.match(x) and x in catalog and code not in (courses[x].get("exclusions") or {}):
                excl["exclusion records not mirrored by the other course"] += 1
        for x in q:
            if x in e:
                excl["codes both equivalent and excluded"] += 1
    excl["exclusion/equivalent codes outside the catalog (distinct)"] = len(excl_out)
    out["exclusions and equivalents"] = dict(sorted(excl.items()))

    term_kinds = collections.Counter()
    combos = collections.Counter()
    alt_years = []
    for code in sorted(courses):
        ts = courses[code]["terms"]
        combos[" ".join(ts) or "(none listed)"] += 1
        for t in ts:
            term_kinds[t] += 1
        s = set(ts)
        if not ts:
            term_kinds["courses with no term listed"] += 1
        elif s >= {"T1", "T2", "T3"} or s >= {"S1", "S2"}:
            term_kinds["courses offered every main term"] += 1
        else:
            term_kinds["courses offered only in some terms"] += 1
            note("some terms", code)
        if s & {"T0", "SC"}:
            term_kinds["courses with a summer offering (T0/SC)"] += 1
        if s & {"S1", "S2"}:
            term_kinds["courses on the semester calendar (S1/S2, Canberra)"] += 1
        blob = courses[code]["description"] + " " + courses[code]["raw_requirements"]
        if ALT_YEARS.search(blob):
            alt_years.append(code)
    term_kinds["courses whose text says alternate years"] = len(alt_years)
    out["terms offered"] = dict(sorted(term_kinds.items()))
    out["term combinations (top 12)"] = dict(combos.most_common(12))
    ex["alternate years"] = alt_years[:5]

    credits = collections.Counter(courses[c]["UOC"] for c in courses)
    multi = [c for c in sorted(courses) if MULTI_TERM.search(courses[c]["description"])]
    out["credits (UOC value: courses)"] = {str(k): v for k, v in sorted(credits.items())}
    out["credit facts"] = {
        "zero-credit courses": credits[0],
        "courses not worth 6 UOC": n - credits[6],
        "courses whose description says multi-term / variable credit": len(multi),
        "gen-ed flagged courses": sum(1 for c in courses.values() if c["gen_ed"]),
    }
    ex["zero credit"] = [c for c in sorted(courses) if courses[c]["UOC"] == 0][:5]
    ex["multi-term"] = multi[:5]
    out["examples"] = {k: v for k, v in sorted(ex.items())}
    return out, per_course_class


def program_survey(data, program="3778"):
    progs = data["programsProcessed.json"]
    specs = data["specialisationsProcessed.json"]
    courses = data["coursesProcessed.json"]
    prog = progs[program]
    out = collections.OrderedDict()
    out["program"] = f"{program} {prog['title']}, {prog['UOC']} UOC, {prog['duration']} years"
    out["structure summary"] = prog["structure_summary"].replace("\n\n", " / ").replace("\n", " / ")
    rules = collections.Counter()
    rows = []
    for item in prog["components"].get("non_spec_data", []):
        kind = item["type"]
        rules[f"program rule: {kind}"] += 1
        rows.append(("program", item.get("title", kind), kind, item.get("credits_to_complete"),
                     ", ".join(item.get("courses", {}) or [])))
    sd = prog["components"].get("spec_data", {})
    choices = []
    for role, groups in sd.items():
        for gname, g in groups.items():
            choices.append((role, gname, g["is_optional"], sorted(g["specs"])))
            rules[f"choice of one {role[:-1]} ({'optional' if g['is_optional'] else 'required'})"] += 1
    out["stream/minor choices"] = [
        f"{role}: {name}: {'optional' if opt else 'choose one'} of {len(codes)}: {' '.join(codes)}"
        for role, name, opt, codes in choices
    ]
    catalog = set(courses)
    outside = set()
    for _, _, _, codes in choices:
        for sc in codes:
            s = specs.get(sc)
            if s is None:
                rows.append((sc, "(not in specialisationsProcessed)", "-", None, ""))
                continue
            for con in s.get("course_constraints", []):
                rules["free-text constraint (course_constraints)"] += 1
                rows.append((sc, con["title"], "constraint", None, con["description"][:90]))
            for g in s["curriculum"]:
                items = g["courses"] if isinstance(g["courses"], dict) else {}
                kinds = collections.Counter()
                for key in items:
                    if " or " in key:
                        kinds["alternative"] += 1
                        parts = key.split(" or ")
                    elif COURSE.match(key):
                        kinds["course"] += 1
                        parts = [key]
                    elif re.match(r"^[A-Z]{4}\d$", key):
                        kinds["pattern subject+level"] += 1
                        parts = []
                    elif re.match(r"^\.+\d$", key):
                        kinds["pattern any level"] += 1
                        parts = []
                    else:
                        kinds["other: " + key] += 1
                        parts = []
                    outside.update(x for x in parts if COURSE.match(x) and x not in catalog)
                kind = "core" if g["core"] else "elective"
                rules[f"group: {kind}, N UOC"] += 1
                if kinds["alternative"]:
                    rules["group item: 'A or B' alternative"] += kinds["alternative"]
                if kinds["pattern subject+level"] or kinds["pattern any level"]:
                    rules["group with a pattern (e.g. COMP3 = level 3 COMP)"] += 1
                if g["levels"]:
                    rules["group restricted to levels"] += 1
                if CAP_WORDS.search(g.get("notes", "")):
                    rules["group note with a cap ('up to 6 UOC of VIP')"] += 1
                if g["credits_to_complete"] == 0:
                    rules["group asking for 0 UOC (pool only)"] += 1
                rows.append((sc, g["title"], kind, g["credits_to_complete"],
                             ", ".join(f"{k}:{v}" for k, v in sorted(kinds.items()))))
    out["groups"] = rows
    out["rule kinds"] = dict(sorted(rules.items()))
    out["courses named by 3778's streams/minors outside the catalog"] = sorted(outside)

    # over every specialisation: how common are the rule kinds?
    allr = collections.Counter()
    for sc in sorted(specs):
        s = specs[sc]
        allr["specialisations"] += 1
        allr["free-text constraints"] += len(s.get("course_constraints", []))
        for g in s["curriculum"]:
            allr["groups"] += 1
            items = g["courses"] if isinstance(g["courses"], dict) else {}
            if any(re.match(r"^([A-Z]{4}\d|\.+\d|[A-Z]{4}\d#*)$", k) for k in items):
                allr["groups with a pattern item"] += 1
            if any(" or " in k for k in items):
                allr["groups with an 'A or B' item"] += 1
            if CAP_WORDS.search(g.get("notes", "")):
                allr["groups whose note states a cap"] += 1
            allr["core groups" if g["core"] else "elective groups"] += 1
    for p in progs.values():
        for item in p["components"].get("non_spec_data", []):
            allr[f"program-level rules: {item['type']}"] += 1
    out["all specialisations and programs"] = dict(sorted(allr.items()))
    return out


def print_table(title, mapping):
    print(f"\n## {title}")
    if isinstance(mapping, dict):
        w = max((len(str(k)) for k in mapping), default=0)
        for k, v in mapping.items():
            print(f"  {str(k):<{w}}  {v}")
    elif isinstance(mapping, list):
        for v in mapping:
            print("  " + (" | ".join("" if x is None else str(x) for x in v) if isinstance(v, tuple) else str(v)))
    else:
        print(f"  {mapping}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("git_dir", help="the circles mirror's git directory")
    ap.add_argument("commit", help="commit to read, e.g. a30c09d3")
    ap.add_argument("--program", default="3778")
    ap.add_argument("--json", help="also write the numbers to this file")
    args = ap.parse_args()
    data, sizes = {}, {}
    for f in FILES:
        raw = git_show(args.git_dir, args.commit, BASE + f)
        sizes[f] = len(raw)
        data[f] = json.loads(raw)
    full = subprocess.run(["git", "--git-dir", args.git_dir, "rev-parse", args.commit],
                          check=True, capture_output=True, text=True).stdout.strip()
    print(f"# circles survey: {full}")
    print_table("files (bytes, top-level entries)",
                {f: f"{sizes[f]} bytes, {len(data[f])} entries" for f in FILES})
    cat, _ = survey(data)
    for k, v in cat.items():
        print_table(k, v)
    prog = program_survey(data, args.program)
    for k, v in prog.items():
        print_table(k, v)
    if args.json:
        with open(args.json, "w", encoding="utf8") as fh:
            json.dump({"commit": full, "sizes": sizes, "catalog": cat, "program": prog}, fh,
                      indent=1, default=str)


if __name__ == "__main__":
    sys.exit(main())
