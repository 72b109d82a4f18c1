//! A small harness that runs the real binary in a pseudo-terminal, feeds everything it
//! writes to a `vt100` parser, and lets a test type keys and look at the screen.
//!
//! Every wait has a generous deadline so that a broken build fails instead of hanging; the
//! deadlines are never performance assertions.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_degree-planner");

/// How long any wait may take before the test gives up. Generous on purpose: a loaded CI
/// machine may be slow, and only a hang should fail here.
pub const DEADLINE: Duration = Duration::from_secs(15);

/// How often the screen is polled while waiting.
const POLL: Duration = Duration::from_millis(20);

/// Bytes for keys that are not printable characters.
pub mod keys {
    pub const ESC: &str = "\x1b";
    pub const ENTER: &str = "\r";
    pub const TAB: &str = "\t";
    pub const UP: &str = "\x1b[A";
    pub const DOWN: &str = "\x1b[B";
    pub const RIGHT: &str = "\x1b[C";
    pub const LEFT: &str = "\x1b[D";
    pub const BACKSPACE: &str = "\x7f";
    pub const CTRL_R: &str = "\x12";
    pub const CTRL_C: &str = "\x03";
    pub const CTRL_Z: &str = "\x1a";
    pub const CTRL_U: &str = "\x15";
}

/// Terminal modes captured from the pty before the program starts, to compare with the
/// modes it leaves behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Modes {
    input: u64,
    output: u64,
    local: u64,
}

fn modes(master: &dyn MasterPty) -> Option<Modes> {
    let t = master.get_termios()?;
    Some(Modes {
        input: t.input_flags.bits() as u64,
        output: t.output_flags.bits() as u64,
        local: t.local_flags.bits() as u64,
    })
}

/// A running (or finished) program in a pseudo-terminal.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for assertions on raw output.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set by the reader thread when the pty reports end of output.
    eof: Arc<AtomicBool>,
    master: Box<dyn MasterPty + Send>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
    modes_before: Option<Modes>,
}

impl Tui {
    /// Runs the binary with `args` in a `cols` x `rows` pty, in `cwd`, with an environment
    /// made only of `TERM=xterm-256color`, `HOME=cwd` and `env`.
    pub fn spawn<S: AsRef<OsStr>>(
        args: &[S],
        env: &[(&str, &str)],
        cwd: &Path,
        cols: u16,
        rows: u16,
    ) -> Tui {
        Tui::spawn_program(BIN, args, env, cwd, cols, rows)
    }

    /// Like [`Tui::spawn`], for another program (e.g. a shell that redirects the binary's
    /// output).
    pub fn spawn_program<P: AsRef<OsStr>, S: AsRef<OsStr>>(
        program: P,
        args: &[S],
        env: &[(&str, &str)],
        cwd: &Path,
        cols: u16,
        rows: u16,
    ) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("opening a pty");
        let modes_before = modes(pair.master.as_ref());

        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", cwd);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(cwd);
        let child = pair.slave.spawn_command(cmd).expect("spawning the binary");
        // Only the child may hold the slave open, or the reader never sees the end.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let reader = {
            let (parser, raw, eof) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&eof));
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        // Linux reports EIO once the child side is closed.
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            lock(&parser).process(&buf[..n]);
                            lock(&raw).extend_from_slice(&buf[..n]);
                        }
                    }
                }
                eof.store(true, Ordering::SeqCst);
            })
        };
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            parser,
            raw,
            eof,
            master: pair.master,
            writer: Some(writer),
            child,
            reader: Some(reader),
            status: None,
            modes_before,
        }
    }

    /// The process id of the program.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Types raw bytes, e.g. `"jj"`, [`keys::DOWN`] or [`keys::CTRL_R`].
    pub fn send(&mut self, bytes: &str) {
        let w = self.writer.as_mut().expect("pty writer");
        w.write_all(bytes.as_bytes()).expect("writing to the pty");
        w.flush().expect("flushing the pty");
    }

    /// Presses Esc on its own: waits a moment before and after, so that it is not read
    /// together with a neighbouring key as an Alt combination or an escape sequence.
    pub fn send_esc(&mut self) {
        std::thread::sleep(Duration::from_millis(100));
        self.send(keys::ESC);
        std::thread::sleep(Duration::from_millis(150));
    }

    /// The screen as text, rows separated by newlines.
    pub fn screen_text(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Whether the program has asked the terminal to mark pastes (bracketed paste mode).
    pub fn bracketed_paste(&self) -> bool {
        lock(&self.parser).screen().bracketed_paste()
    }

    /// Whether the program has asked for mouse events.
    pub fn mouse_captured(&self) -> bool {
        lock(&self.parser).screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// Presses and releases the left button on the cell at column `x`, row `y` (from 0), as a
    /// terminal in SGR mouse mode reports it.
    pub fn click(&mut self, cell: (u16, u16)) {
        self.send(&click(cell));
    }

    /// Two clicks on one cell, sent at once.
    pub fn double_click(&mut self, cell: (u16, u16)) {
        self.send(&click(cell).repeat(2));
    }

    /// Where `text` is on the screen: its first cell's column and row (from 0).
    pub fn cell_of(&self, text: &str) -> Option<(u16, u16)> {
        self.screen_text()
            .lines()
            .enumerate()
            .find_map(|(y, line)| {
                let x = line.find(text)?;
                Some((line[..x].chars().count() as u16, y as u16))
            })
    }

    /// Pastes `text` as a terminal in bracketed paste mode sends it.
    pub fn paste(&mut self, text: &str) {
        self.send(&format!("\x1b[200~{text}\x1b[201~"));
    }

    /// Everything the program wrote so far, lossily decoded.
    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&lock(&self.raw)).into_owned()
    }

    /// Whether the program has ended and all its output has been read.
    fn finished(&mut self) -> bool {
        self.poll_exit();
        self.status.is_some() && self.eof.load(Ordering::SeqCst)
    }

    fn poll_exit(&mut self) {
        if self.status.is_none()
            && let Ok(Some(s)) = self.child.try_wait()
        {
            self.status = Some(s);
        }
    }

    /// Waits until `pred` holds for the screen text; panics with the screen after the
    /// deadline, or as soon as the program has ended without it holding.
    pub fn wait_until(&mut self, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            // Check "finished" before reading the screen, so that a final screen that does
            // satisfy the predicate is never reported as a failure.
            let finished = self.finished();
            let screen = self.screen_text();
            if pred(&screen) {
                return;
            }
            if finished {
                panic!(
                    "the program ended ({:?}) before the screen showed {what}; screen:\n{}",
                    self.status,
                    frame(&screen)
                );
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "timed out after {DEADLINE:?} waiting for the screen to show {what}; screen:\n{}",
                    frame(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text));
    }

    /// Waits until the screen no longer contains `text`.
    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("no {text:?}"), |s| !s.contains(text));
    }

    /// Panics with the screen if it contains `text` now.
    pub fn assert_absent(&self, text: &str) {
        let screen = self.screen_text();
        assert!(
            !screen.contains(text),
            "the screen should not show {text:?}; screen:\n{}",
            frame(&screen)
        );
    }

    /// Resizes the pty and the parser that mirrors it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The parser first, so that the redraw the program does in answer is read at the
        // new size.
        lock(&self.parser)
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resizing the pty");
    }

    /// Waits for the program to exit and for its last output to be read; returns the exit
    /// status. Panics with the screen if it does not exit before the deadline.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while !self.finished() {
            if start.elapsed() > DEADLINE {
                let screen = self.screen_text();
                let _ = self.child.kill();
                panic!(
                    "timed out after {DEADLINE:?} waiting for the program to exit (status {:?}, output ended: {}); screen:\n{}",
                    self.status,
                    self.eof.load(Ordering::SeqCst),
                    frame(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
        if let Some(r) = self.reader.take() {
            r.join().expect("reader thread");
        }
        self.status.clone().expect("exit status")
    }

    /// Waits for the exit and checks its code.
    pub fn expect_exit_code(&mut self, code: u32) {
        let status = self.wait_exit();
        assert!(
            status.exit_code() == code && status.signal().is_none(),
            "expected exit code {code}, got {status:?}; screen:\n{}",
            frame(&self.screen_text())
        );
    }

    /// While the program runs: waits until it has the terminal as a full-screen app has it
    /// (alternate screen, hidden cursor, modes changed from the pty's defaults). Tests use it
    /// to show that [`Tui::assert_terminal_restored`] checks something that did change.
    pub fn wait_terminal_taken(&mut self) {
        self.wait_terminal("take the terminal", true);
    }

    /// While the program runs (or is stopped): waits until it has given the terminal back as
    /// [`Tui::assert_terminal_restored`] checks after an exit: the main screen, a visible
    /// cursor and the pty's own modes.
    pub fn wait_terminal_given_back(&mut self) {
        self.wait_terminal("give the terminal back", false);
    }

    /// Waits until the terminal is taken (`taken`: alternate screen, hidden cursor, modes
    /// changed) or given back (main screen, visible cursor, the pty's own modes).
    fn wait_terminal(&mut self, what: &str, taken: bool) {
        let before = self.modes_before.expect("the pty reports its modes");
        let start = Instant::now();
        loop {
            let (alternate, hidden) = {
                let parser = lock(&self.parser);
                (
                    parser.screen().alternate_screen(),
                    parser.screen().hide_cursor(),
                )
            };
            let now = modes(self.master.as_ref());
            let changed = now.is_some_and(|now| now != before);
            let done = if taken {
                alternate && hidden && changed
            } else {
                !alternate && !hidden && now == Some(before)
            };
            if done {
                return;
            }
            if start.elapsed() > DEADLINE || self.finished() {
                panic!(
                    "the program did not {what}: alternate screen {alternate}, cursor hidden \
                     {hidden}, modes changed {changed}; screen:\n{}",
                    frame(&self.screen_text())
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// How many bytes the program has written so far; with [`Tui::output_since`], what it
    /// wrote after a point.
    pub fn output_len(&self) -> usize {
        lock(&self.raw).len()
    }

    /// What the program wrote after the first `from` bytes, lossily decoded.
    pub fn output_since(&self, from: usize) -> String {
        String::from_utf8_lossy(lock(&self.raw).get(from..).unwrap_or_default()).into_owned()
    }

    /// After the exit: the terminal is back as it was: the main screen, a visible cursor,
    /// and the input and output modes the pty had before the program started (no raw mode).
    pub fn assert_terminal_restored(&self) {
        assert!(
            self.status.is_some(),
            "assert_terminal_restored is for after wait_exit"
        );
        let parser = lock(&self.parser);
        let screen = parser.screen();
        assert!(
            !screen.alternate_screen(),
            "the program left the terminal in the alternate screen; screen:\n{}",
            frame(&screen.contents())
        );
        assert!(
            !screen.hide_cursor(),
            "the program left the cursor hidden; screen:\n{}",
            frame(&screen.contents())
        );
        assert!(
            !screen.bracketed_paste(),
            "the program left bracketed paste on; screen:\n{}",
            frame(&screen.contents())
        );
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the program left the mouse captured; screen:\n{}",
            frame(&screen.contents())
        );
        drop(parser);
        if let (Some(before), Some(after)) = (self.modes_before, modes(self.master.as_ref())) {
            assert_eq!(
                before, after,
                "the program left the terminal modes changed (raw mode still on?)"
            );
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A test that failed half-way must not leave the program running.
        self.poll_exit();
        if self.status.is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A left click on the cell at column `x`, row `y` (from 0) in SGR mouse encoding.
fn click((x, y): (u16, u16)) -> String {
    format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", x + 1, y + 1, x + 1, y + 1)
}

/// A terminal dimension, which must not be zero.
fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal dimension of 0")
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in another thread must not hide the screen from the failure message.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The screen with a ruler, for failure messages.
fn frame(screen: &str) -> String {
    let mut out = String::from("+----------\n");
    for line in screen.lines() {
        out.push('|');
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("+----------");
    out
}
