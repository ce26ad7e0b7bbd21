//! Command-line interface (clap).

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Learn SMTP, IMAP and POP3 by speaking them: every reply highlighted and explained.
#[derive(Parser, Debug)]
#[command(name = "maillab", version, about)]
pub struct Cli {
    /// When to use colours (auto honours NO_COLOR and non-terminals).
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
    /// Do not print explanations under server replies.
    #[arg(long, global = true)]
    pub no_explain: bool,
    /// Record the session (secrets masked) to this file as it happens.
    #[arg(long, global = true, value_name = "FILE")]
    pub transcript: Option<PathBuf>,
    /// Script mode: print large literals whole instead of eliding them.
    #[arg(long, global = true)]
    pub full: bool,
    /// Trust the CA certificates in this PEM file too (a private or lab CA, e.g. from serve --ca-out).
    #[arg(long = "ca-file", global = true, value_name = "FILE")]
    pub ca_file: Vec<PathBuf>,
    /// Accept any server certificate (a warning stays on every prompt).
    #[arg(long, global = true)]
    pub insecure: bool,
    /// Seconds to wait for a TCP connection.
    #[arg(long, global = true, default_value_t = 10.0, value_name = "SECS")]
    pub connect_timeout: f64,
    /// Seconds script mode waits for a reply (never while idling or waiting for pushes).
    #[arg(long, global = true, default_value_t = 30.0, value_name = "SECS")]
    pub reply_timeout: f64,
    /// Language of explanations and help: en (complete) or ar (partial; missing texts in English).
    #[arg(long, global = true, default_value = "en", value_name = "CODE")]
    pub lang: String,
    /// Load the embedded store from an mbox file, a Maildir or a folder of .eml files.
    #[arg(long, global = true, value_name = "PATH")]
    pub fixture: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// REPL on the embedded IMAP server (the default).
    Imap,
    /// REPL on the embedded POP3 server.
    Pop3,
    /// REPL on the embedded SMTP server.
    Smtp,
    /// Connect the REPL to a real server, like a smarter telnet: imap://, imaps://, pop3://,
    /// pop3s://, smtp://, smtps:// (ports by scheme), or HOST:PORT with --protocol.
    Connect {
        /// imaps://imap.example.org, smtp://127.0.0.1:1025, or host:port with --protocol.
        url: String,
        /// Protocol when the address has no scheme (imap, pop3, smtp).
        #[arg(long)]
        protocol: Option<String>,
        /// Upgrade with STARTTLS (STLS for POP3) right after the greeting (and EHLO).
        #[arg(long)]
        starttls: bool,
        /// smtp:// without a port means the submission port 587 instead of 25.
        #[arg(long)]
        submission: bool,
    },
    /// Explain one server line, e.g. maillab explain "550 5.1.1 User unknown".
    Explain {
        /// imap, smtp or pop3 (guessed from the line when not given).
        #[arg(long)]
        protocol: Option<String>,
        /// The line to explain (may start with "-", as POP3's -ERR does).
        #[arg(allow_hyphen_values = true)]
        text: String,
    },
    /// The lab server: IMAP, POP3 and SMTP on loopback for real clients.
    Serve(Box<ServeArgs>),
    /// Guided lessons: one step at a time, each checked as you type.
    Lesson(LessonArgs),
}

/// Options of `maillab lesson`.
#[derive(clap::Args, Debug)]
pub struct LessonArgs {
    /// A folder with lessons of your own, besides the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Print a versioned JSON document instead of text (schema in docs/writing-lessons.md).
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub action: LessonAction,
}

/// What `maillab lesson` does.
#[derive(Subcommand, Debug)]
pub enum LessonAction {
    /// Every lesson with your progress.
    List,
    /// Run a lesson (by id, number or file name); pipe commands in for script mode.
    Run {
        name: String,
        /// Start at step N (the steps before run their model answers quietly).
        #[arg(long, value_name = "N")]
        step: Option<usize>,
    },
    /// Validate lesson files and run their model answers on the embedded server.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a commented skeleton lesson to NAME.md.
    New { name: String },
    /// Forget the progress of one lesson, or of all with --all.
    Reset {
        #[arg(required_unless_present = "all")]
        name: Option<String>,
        #[arg(long, conflicts_with = "name")]
        all: bool,
    },
    /// Write your progress to FILE.
    Export { file: PathBuf },
    /// Merge progress from FILE (written by export).
    Import { file: PathBuf },
}

/// Options of `maillab serve`.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on; anything but loopback prints a warning.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Added to the standard ports (143 -> 1143 by default).
    #[arg(long, default_value_t = 1000)]
    pub port_offset: u16,
    /// IMAP listener address (port 0 picks a free port).
    #[arg(long, value_name = "ADDR")]
    pub imap: Option<SocketAddr>,
    /// POP3 listener address.
    #[arg(long, value_name = "ADDR")]
    pub pop3: Option<SocketAddr>,
    /// SMTP listener address.
    #[arg(long, value_name = "ADDR")]
    pub smtp: Option<SocketAddr>,
    /// Submission (SMTP with AUTH required) listener address.
    #[arg(long, value_name = "ADDR")]
    pub submission: Option<SocketAddr>,
    /// IMAPS (implicit TLS) listener address.
    #[arg(long, value_name = "ADDR")]
    pub imaps: Option<SocketAddr>,
    /// POP3S (implicit TLS) listener address.
    #[arg(long, value_name = "ADDR")]
    pub pop3s: Option<SocketAddr>,
    /// SMTPS (implicit TLS submission) listener address.
    #[arg(long, value_name = "ADDR")]
    pub smtps: Option<SocketAddr>,
    /// Serve only these listeners (comma-separated names: imap,pop3,smtp,submission,imaps,pop3s,smtps).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub only: Vec<String>,
    /// Certificate chain (PEM) to serve instead of the lab CA's certificate.
    #[arg(long, value_name = "FILE", requires = "key")]
    pub cert: Option<PathBuf>,
    /// Private key (PEM) for --cert.
    #[arg(long, value_name = "FILE", requires = "cert")]
    pub key: Option<PathBuf>,
    /// Write the CA certificate clients should trust (PEM) to this file.
    #[arg(long, value_name = "FILE")]
    pub ca_out: Option<PathBuf>,
    /// Refuse logins until TLS is active (LOGINDISABLED, AUTH withheld), as real servers do.
    #[arg(long)]
    pub require_tls: bool,
    /// Write the bound addresses as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub ports_file: Option<PathBuf>,
    /// Extra local mail domain (maillab.test and localhost always are).
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Vec<String>,
    /// Seconds of silence before a session is closed (RFC 3501 §5.4 asks for at least 30 minutes).
    #[arg(long, default_value_t = 1800)]
    pub idle_timeout: u64,
    /// Largest IMAP literal accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_literal: usize,
    /// Mail one user may hold, in MiB (then 452 4.2.2, 552 5.2.2, NO [OVERQUOTA]).
    #[arg(long, value_name = "MIB", default_value_t = maillab::store::Limits::default().user_quota >> 20)]
    pub quota: u64,
    /// Mail for other domains kept in the relayed-mail sink, in MiB (then 452 4.3.1).
    #[arg(long, value_name = "MIB", default_value_t = maillab::store::Limits::default().sink >> 20)]
    pub sink_limit: u64,
    /// Everything the store may hold, all users and the sink, in MiB (then 452 4.3.1).
    #[arg(long, value_name = "MIB", default_value_t = maillab::store::Limits::default().total >> 20)]
    pub store_limit: u64,
    /// Change a limit or timer, NAME=VALUE (repeatable; seconds for timers):
    /// prelogin-timeout, write-timeout, tls-timeout, rate-window, min-data-rate (octets/s),
    /// auth-delay-ms, max-auth-failures, max-connections, max-per-address,
    /// search-cost, max-keywords, max-mailboxes, prelogin-literal.
    #[arg(long = "limit", value_name = "NAME=VALUE")]
    pub limits: Vec<String>,
    /// Print nothing but errors.
    #[arg(long)]
    pub quiet: bool,
}
