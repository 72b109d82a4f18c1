//! What the terminal edge needs from the operating system: signals, a wait on standard input
//! that notices a hang-up, and silencing output once the terminal is gone. Unix has all of
//! them; elsewhere no signal arrives (Ctrl-c reaches the planner as a key in raw mode), the
//! wait is crossterm's and a terminal never reads as hung up.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::time::Duration;

/// The hang-up signal's number, for the exit status of a planner whose window closed.
#[cfg(unix)]
pub const SIGHUP: i32 = libc::SIGHUP;
/// The hang-up signal's number, for the exit status of a planner whose window closed.
#[cfg(not(unix))]
pub const SIGHUP: i32 = 1;

/// Signals whose default action ends the process and that a handler can catch.
#[cfg(unix)]
pub const ENDING_SIGNALS: &[i32] = &[
    libc::SIGTERM,
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGVTALRM,
    libc::SIGPROF,
    libc::SIGXCPU,
];
/// Signals whose default action ends the process and that a handler can catch: none here.
#[cfg(not(unix))]
pub const ENDING_SIGNALS: &[i32] = &[];

/// Has `end` set to the number of any of [`ENDING_SIGNALS`], `stop` set on SIGTSTP and
/// `resumed` on SIGCONT.
#[cfg(unix)]
pub fn install_handlers(
    end: &Arc<AtomicUsize>,
    stop: &Arc<AtomicBool>,
    resumed: &Arc<AtomicBool>,
) -> std::io::Result<()> {
    for &sig in ENDING_SIGNALS {
        signal_hook::flag::register_usize(sig, Arc::clone(end), sig as usize)?;
    }
    signal_hook::flag::register(libc::SIGTSTP, Arc::clone(stop))?;
    signal_hook::flag::register(libc::SIGCONT, Arc::clone(resumed))?;
    Ok(())
}

/// No signals to handle here: the flags stay clear.
#[cfg(not(unix))]
pub fn install_handlers(
    _end: &Arc<AtomicUsize>,
    _stop: &Arc<AtomicBool>,
    _resumed: &Arc<AtomicBool>,
) -> std::io::Result<()> {
    Ok(())
}

/// Stops the process as SIGTSTP's default action does; returns once it is continued.
#[cfg(unix)]
pub fn stop_self() -> std::io::Result<()> {
    signal_hook::low_level::emulate_default_handler(libc::SIGTSTP)
}

/// Nothing stops the process here (the stop flag is never set).
#[cfg(not(unix))]
pub fn stop_self() -> std::io::Result<()> {
    Ok(())
}

/// Waits up to `timeout` for standard input to have something to read; `true` when the
/// terminal hung up (`poll` reports POLLHUP, POLLERR or POLLNVAL). A signal ends it early.
#[cfg(unix)]
pub fn wait_for_stdin(timeout: Duration) -> bool {
    let mut stdin = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let timeout = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: `stdin` is one valid pollfd that lives across the call.
    let ready = unsafe { libc::poll(&mut stdin, 1, timeout) };
    ready > 0 && stdin.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Waits up to `timeout` for an event through crossterm; a hang-up is not seen here.
#[cfg(not(unix))]
pub fn wait_for_stdin(timeout: Duration) -> bool {
    let _ = ratatui::crossterm::event::poll(timeout);
    false
}

/// Points standard output and error at /dev/null.
#[cfg(unix)]
pub fn write_nowhere() {
    // SAFETY: plain descriptor calls on a path literal; a failure leaves the descriptors as
    // they were.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
        if null >= 0 {
            libc::dup2(null, libc::STDOUT_FILENO);
            libc::dup2(null, libc::STDERR_FILENO);
            libc::close(null);
        }
    }
}

/// Nothing to redirect: a terminal never reads as hung up here.
#[cfg(not(unix))]
pub fn write_nowhere() {}
