//! Command-line interface (clap).

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Learn SMTP, IMAP and POP3 by speaking them: every reply highlighted and explained.
#[derive(Parser, Debug)]
#[command(name = "maillab", version, about)]
pub struct Cli {
    /// When to use colours (auto honours NO_COLOR and non-terminals).
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
    /// Do not print explanations under server replies (as --explain off).
    #[arg(long, global = true)]
    pub no_explain: bool,
    /// How much is explained under server replies: brief (the default on a terminal),
    /// full (the default in script mode) or off.
    #[arg(long, value_enum, global = true, value_name = "LEVEL")]
    pub explain: Option<ExplainLevel>,
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
    /// Language of explanations and help: en or ar (texts it lacks in English).
    /// Default: the config file's, else LC_ALL / LC_MESSAGES / LANG (ar_EG.UTF-8 is ar).
    #[arg(long, global = true, value_name = "CODE")]
    pub lang: Option<String>,
    /// Order of right-to-left lines: logical (the terminal reorders: GNOME Terminal,
    /// Konsole, mlterm) or visual (already in display order: tmux, xterm).
    #[arg(long, value_enum, global = true, value_name = "ORDER")]
    pub bidi: Option<Bidi>,
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

/// `--bidi ORDER`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bidi {
    Logical,
    Visual,
}

impl Bidi {
    fn mode(self) -> maillab::protocol::bidi::Mode {
        match self {
            Bidi::Logical => maillab::protocol::bidi::Mode::Logical,
            Bidi::Visual => maillab::protocol::bidi::Mode::Visual,
        }
    }
}

/// `--explain LEVEL`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainLevel {
    Brief,
    Full,
    Off,
}

impl Cli {
    /// The explanation level asked for, if any (`--no-explain` is `off`).
    pub fn explain_level(&self) -> Option<maillab::repl::render::Explain> {
        use maillab::repl::render::Explain;
        if self.no_explain {
            return Some(Explain::Off);
        }
        self.explain.map(|l| match l {
            ExplainLevel::Brief => Explain::Brief,
            ExplainLevel::Full => Explain::Full,
            ExplainLevel::Off => Explain::Off,
        })
    }
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
    /// Explain server lines, a pasted session, a transcript or Python's debug output.
    Explain {
        /// imap, smtp or pop3 (recognised from the text when not given).
        #[arg(long)]
        protocol: Option<String>,
        /// Read the text from this file (a transcript, or what a Python script printed).
        #[arg(long, value_name = "FILE", conflicts_with = "text")]
        file: Option<PathBuf>,
        /// The line(s) to explain (may start with "-", as POP3's -ERR does); a lone "-"
        /// reads standard input.
        #[arg(allow_hyphen_values = true, required_unless_present = "file")]
        text: Option<String>,
    },
    /// The lab server: IMAP, POP3 and SMTP on loopback for real clients.
    Serve(Box<ServeArgs>),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) made from these very options.
    Man,
    /// Guided lessons: one step at a time, each checked as you type.
    Lesson(LessonArgs),
    /// Ask a running lab server (maillab serve) through its control endpoint.
    Ctl {
        #[command(flatten)]
        control: ControlArgs,
        #[command(subcommand)]
        action: CtlAction,
    },
    /// Follow a running lab server's sessions live, annotated like the REPL.
    Watch {
        #[command(flatten)]
        control: ControlArgs,
        /// Only this user's sessions.
        #[arg(long)]
        user: Option<String>,
        /// Only this protocol's sessions (imap, pop3, smtp).
        #[arg(long)]
        protocol: Option<String>,
        /// Only this session.
        #[arg(long)]
        session: Option<usize>,
    },
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
        #[command(flatten)]
        lab: LessonServerArgs,
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

/// `lesson run --server`: run the lesson on a lab server, in your own account.
#[derive(clap::Args, Debug)]
pub struct LessonServerArgs {
    /// Run on this lab server (maillab serve), HOST or HOST:PORT of its control
    /// endpoint; your account takes the place of the lesson's alex.
    #[arg(long, value_name = "HOST[:PORT]", requires = "user")]
    pub server: Option<String>,
    /// The lab server's port offset (default: the control port minus 80, else 1000).
    #[arg(long, value_name = "N", requires = "server")]
    pub port_offset: Option<u16>,
    /// The lab server's ports file (serve --ports-file) instead of the port scheme.
    #[arg(long, value_name = "FILE", requires = "server")]
    pub ports_file: Option<PathBuf>,
    /// Your mail account on the lab server.
    #[arg(long, value_name = "USER", requires = "server")]
    pub user: Option<String>,
    /// Its password (asked for on the terminal when not given).
    #[arg(long, value_name = "PASSWORD", requires = "user")]
    pub password: Option<String>,
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
    /// Add a name (host name or IP address) to the lab certificate, so clients on the
    /// lab network verify it (repeatable).
    #[arg(long = "tls-name", value_name = "HOST|IP")]
    pub tls_names: Vec<String>,
    /// Serve a certificate fault, signed by the same lab CA: expired, or wrong-host
    /// (naming only wrong-host.maillab.test).
    #[arg(long, value_parser = ["expired", "wrong-host"])]
    pub tls_fault: Option<String>,
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
    /// Inject scripted faults (refusing greetings, chosen replies, dropped
    /// connections) from this file, one rule a line: LISTENER COMMAND WHEN ACTION.
    #[arg(long, value_name = "FILE")]
    pub faults: Option<PathBuf>,
    /// The seed of `random P% ACTION` fault rules: the same seed and the same client
    /// steps give the same faults.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub fault_seed: u64,
    /// Switch IMAP capabilities off, e.g. -IDLE,-MOVE: not advertised, and their
    /// commands answered BAD as by a server without them.
    #[arg(long, value_name = "-CAP,...", allow_hyphen_values = true)]
    pub imap_caps: Option<String>,
    /// Switch SMTP extensions off, e.g. -STARTTLS,-AUTH: not in the EHLO reply, and
    /// STARTTLS/AUTH answered 502 5.5.1.
    #[arg(long, value_name = "-CAP,...", allow_hyphen_values = true)]
    pub smtp_caps: Option<String>,
    /// Switch POP3 capabilities off, e.g. -UIDL,-TOP: not in CAPA, and the command
    /// answered -ERR.
    #[arg(long, value_name = "-CAP,...", allow_hyphen_values = true)]
    pub pop3_caps: Option<String>,
    /// Print nothing but errors.
    #[arg(long)]
    pub quiet: bool,
    /// Print every session's lines live, annotated like the REPL, each prefixed with
    /// [session protocol user]; message data elided with its size, secrets masked.
    #[arg(long)]
    pub trace: bool,
    /// Show passwords and SASL answers in the trace (transcripts always mask them).
    #[arg(long, requires = "trace")]
    pub show_secrets: bool,
    /// Write one transcript per session (secrets masked) into this directory.
    #[arg(long, value_name = "DIR")]
    pub transcripts: Option<PathBuf>,
    /// Keep the mail on disk as one Maildir++ tree per user (DIR/USER/Maildir),
    /// written before any reply says it is stored; an existing DIR is loaded.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// More accounts, one `user:password` a line (# comments); each starts with its
    /// own copy of the demo mail. A demo user's name sets that user's password.
    #[arg(long, value_name = "FILE")]
    pub users: Option<PathBuf>,
    /// A login with a new user name (letters, digits, . _ -) creates that account with
    /// the password it used and its own copy of the demo mail, up to CAP accounts.
    #[arg(long, value_name = "CAP", num_args = 0..=1, require_equals = true,
          default_missing_value = "200")]
    pub open_accounts: Option<usize>,
    /// Keep per-session and per-protocol statistics (bytes, lines, commands, round
    /// trips, times) in this JSON file, rewritten as sessions end.
    #[arg(long, value_name = "FILE")]
    pub stats_file: Option<PathBuf>,
    /// Control endpoint address for maillab ctl / watch (default: port offset + 80 on
    /// --bind when the standard listeners are used).
    #[arg(long, value_name = "ADDR")]
    pub control: Option<SocketAddr>,
    /// The teacher's token for the control endpoint (default: a random one, printed).
    #[arg(long, value_name = "TOKEN")]
    pub teacher_token: Option<String>,
}

/// How `maillab ctl` and `maillab watch` reach and prove themselves to a lab server.
#[derive(clap::Args, Debug)]
pub struct ControlArgs {
    /// The lab server's control endpoint, HOST or HOST:PORT (port 1080 by default).
    #[arg(long, default_value = "127.0.0.1:1080", value_name = "HOST[:PORT]")]
    pub server: String,
    /// The teacher's token (printed by maillab serve).
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Your mail account, to see your own sessions only.
    #[arg(long, value_name = "USER", requires = "password")]
    pub login: Option<String>,
    /// The password of --login.
    #[arg(long, value_name = "PASSWORD", requires = "login")]
    pub password: Option<String>,
}

/// What `maillab ctl` does.
#[derive(Subcommand, Debug)]
pub enum CtlAction {
    /// Per-protocol statistics (bytes, commands, round trips); --json: every session, versioned.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Lesson progress: students x lessons (steps passed, attempts, hints, last
    /// activity); --json: every step, versioned.
    Progress {
        #[arg(long)]
        json: bool,
    },
    /// Every account with its mailboxes, messages and bytes (a student: their own).
    Users,
    /// Mail back to what the server started with (or last loaded): one user's or
    /// everyone's. Changed mailboxes get a new UIDVALIDITY; sessions in them are closed.
    Reset {
        /// Only this user's mail.
        user: Option<String>,
    },
    /// Keep every user's mail under NAME (on disk too with serve --data).
    Snapshot { name: String },
    /// Put back the mail snapshot NAME kept (UIDs and flags as they were).
    Restore { name: String },
    /// Replace the mail with a fixture (the forms --fixture takes); reset returns to it.
    Load { fixture: PathBuf },
    /// The settings a mail client needs (servers, ports, security, the CA);
    /// --thunderbird: Thunderbird's autoconfig XML.
    ClientConfig {
        #[arg(long)]
        thunderbird: bool,
    },
    /// The lab server's faults at run time: add RULE (a --faults line), list, clear.
    Faults {
        #[arg(value_parser = ["add", "list", "clear"])]
        op: String,
        /// The rule, for add: [user=NAME] [from=IP] LISTENER COMMAND WHEN ACTION.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        rule: Vec<String>,
    },
    /// Deliver a message file to a user's INBOX, as SMTP would.
    Deliver {
        file: PathBuf,
        /// The user (or address) to deliver to.
        #[arg(long)]
        to: String,
    },
}

/// The path of a command in help-text ids: `main` for `maillab` itself, else the
/// subcommand names joined by "." (`lesson.run`).
fn help_path(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        "main".to_string()
    } else if parent == "main" {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// The current language's text of `id`, when that language is not English and has it.
fn translated(id: &str) -> Option<String> {
    let lang = maillab::protocol::text::current();
    if lang.code() == maillab::protocol::text::english().code() || !lang.contains(id) {
        return None;
    }
    Some(maillab::tr!(id))
}

/// `arg` with its help (`cli.help.<path>.<arg id>`) in the current language, and
/// clap's headings and `[default: …]` / `[possible values: …]` notes from ids too.
/// English leaves `arg` exactly as clap built it.
fn localize_arg(arg: clap::Arg, path: &str) -> clap::Arg {
    let id = arg.get_id().to_string();
    let mut arg = arg;
    if let Some(t) = translated(&format!("cli.help.{path}.{id}")) {
        arg = arg.help(t);
    }
    if let Some(t) = translated(&format!("cli.long_help.{path}.{id}")) {
        arg = arg.long_help(t);
    }
    if translated("cli.heading.options").is_none() {
        return arg;
    }
    let heading = if arg.is_positional() {
        "cli.heading.arguments"
    } else {
        "cli.heading.options"
    };
    if arg.get_help_heading().is_none() {
        // clap without its "string" feature takes headings as &'static str; a help page
        // is printed once per run.
        arg = arg.help_heading(&*maillab::tr!(heading).leak());
    }
    // clap writes these notes in English only: hide its own and add ours.
    let mut notes = Vec::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_value = arg.get_action().takes_values();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && takes_value {
        let shown = defaults.join(", ");
        notes.push(maillab::tr!("cli.note.default", value = shown));
        arg = arg.hide_default_value(true);
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() && takes_value {
        notes.push(maillab::tr!("cli.note.values", values = values.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    if !notes.is_empty() {
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        arg = arg.help(format!("{help} {}", notes.join(" ")).trim().to_string());
    }
    arg
}

/// `cmd` with `-h/--help` (and `-V/--version` where it has a version) of its own,
/// their help texts and heading from ids: clap's generated ones are English only.
/// (The generated `help` subcommand gets its text in [`command`].)
fn own_help_flags(cmd: clap::Command) -> clap::Command {
    use clap::{Arg, ArgAction};
    let heading: &'static str = maillab::tr!("cli.heading.options").leak();
    let mut cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(maillab::tr!("cli.flag.help"))
            .help_heading(heading),
    );
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(maillab::tr!("cli.flag.version"))
                .help_heading(heading),
        );
    }
    cmd
}

/// `cmd` and every subcommand under it with about and argument help texts in the
/// current language (ids `cli.about.<path>`, `cli.long_about.<path>`,
/// `cli.help.<path>.<arg id>`), and clap's headings where clap lets them change.
fn localize(cmd: clap::Command, path: &str) -> clap::Command {
    let mut cmd = cmd;
    if let Some(t) = translated(&format!("cli.about.{path}")) {
        cmd = cmd.about(t);
    }
    if let Some(t) = translated(&format!("cli.long_about.{path}")) {
        cmd = cmd.long_about(t);
    }
    if let Some(usage) = translated("cli.heading.usage") {
        // `{usage-heading}` is always clap's English "Usage:"; the other parts of
        // clap's default template stay as they are.
        let template = format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        );
        cmd = own_help_flags(cmd.help_template(template))
            .subcommand_help_heading(&*maillab::tr!("cli.heading.commands").leak());
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, path));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub = help_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &sub));
    }
    cmd
}

/// The clap command, each help page with its examples (from the language table)
/// and its texts in the current language.
pub fn command() -> clap::Command {
    let display = |t: String| maillab::protocol::bidi::display(&t).into_owned();
    let mut cmd =
        localize(Cli::command(), "main").after_help(display(maillab::tr!("cli.examples.main")));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let id = format!("cli.examples.{name}");
        let text = maillab::tr!(&id);
        if text != id {
            let text = display(text);
            cmd = cmd.mut_subcommand(&name, |c| c.after_help(text));
        }
    }
    if let Some(about) = translated("cli.generated.help_subcommand") {
        // clap adds its `help` subcommand (English) when the command is built:
        // build it now and give every `help` subcommand its text.
        cmd.build();
        cmd = help_subcommands(cmd, &about);
    }
    cmd
}

/// `cmd` with the about text of each generated `help` subcommand under it set to `about`.
fn help_subcommands(cmd: clap::Command, about: &str) -> clap::Command {
    let mut cmd = cmd;
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let about = about.to_string();
        cmd = cmd.mut_subcommand(&name, |c| {
            if c.get_name() == "help" {
                c.about(about)
            } else {
                help_subcommands(c, &about)
            }
        });
    }
    cmd
}

/// `serve --help`: only the server's options (and the global ones it uses,
/// `--fixture`, `--lang` and `--bidi`) and the port table; the REPL's options are not listed.
fn serve_help() -> clap::Command {
    use clap::Args;
    let full = Cli::command();
    let serve = localize(full.clone(), "main");
    let about = serve
        .find_subcommand("serve")
        .and_then(|c| c.get_about().cloned())
        .unwrap_or_default();
    let mut cmd = clap::Command::new("serve").bin_name(format!("{} serve", full.get_name()));
    for arg in full.get_arguments() {
        if matches!(arg.get_id().as_str(), "fixture" | "lang" | "bidi") {
            cmd = cmd.arg(arg.clone().global(false));
        }
    }
    let mut cmd = ServeArgs::augment_args(cmd);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let path = if matches!(id.as_str(), "fixture" | "lang" | "bidi") {
            "main"
        } else {
            "serve"
        };
        cmd = cmd.mut_arg(id, |a| localize_arg(a, path));
    }
    if let Some(usage) = translated("cli.heading.usage") {
        let template = format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        );
        cmd = own_help_flags(cmd.help_template(template));
    }
    cmd.about(about).after_help(
        maillab::protocol::bidi::display(&maillab::tr!("cli.examples.serve")).into_owned(),
    )
}

/// Prints a help page clap rendered (to standard error when clap would, as for a
/// missing subcommand), each line through [`maillab::protocol::bidi::display`] so
/// right-to-left lines come out in the order the terminal needs (clap would print
/// them itself in logical order). Colours as clap would use them on a terminal.
fn print_help(help: clap::builder::StyledStr, to_stderr: bool) {
    use std::io::{IsTerminal, Write};
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let colour = terminal && std::env::var_os("NO_COLOR").is_none();
    let text = if colour {
        help.ansi().to_string()
    } else {
        help.to_string()
    };
    let mut text = maillab::protocol::bidi::display(&text).into_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let written = if to_stderr {
        std::io::stderr().lock().write_all(text.as_bytes())
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    };
    if written.is_err() {
        std::process::exit(1);
    }
}

/// The value of option `--name` in `args` (`--name V` or `--name=V`), the last one.
fn option_value(args: &[String], name: &str) -> Option<String> {
    let flag = format!("--{name}");
    let mut found = None;
    for (i, a) in args.iter().enumerate() {
        if a == "--" {
            break;
        }
        if *a == flag {
            found = args.get(i + 1).cloned();
        } else if let Some(v) = a.strip_prefix(&flag).and_then(|r| r.strip_prefix('=')) {
            found = Some(v.to_string());
        }
    }
    found
}

/// The language (`--lang`, else the config file's, else the locale's) and the
/// order of right-to-left lines (`--bidi`, else the config file's), chosen before
/// the command line is parsed so that help and errors are in that language.
/// What cannot be read here is reported by [`apply_config`] and `main` later.
pub fn early_settings() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cfg: Config = config_path()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| toml::from_str(&t).ok())
        .unwrap_or_default();
    let code = option_value(&args, "lang")
        .or(cfg.lang)
        .unwrap_or_else(|| locale_language().to_string());
    if let Some(lang) = maillab::protocol::text::builtin(&code) {
        maillab::protocol::text::set_current(lang);
    }
    let bidi = option_value(&args, "bidi").or(cfg.bidi);
    if let Some(b) = bidi.and_then(|b| Bidi::from_str(&b, true).ok()) {
        maillab::protocol::bidi::set_mode(b.mode());
    }
}

/// The language the locale asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn locale_language() -> &'static str {
    maillab::protocol::text::code_from_env(|k| std::env::var(k).ok())
}

impl Cli {
    /// The language code: `--lang` or the config file's, else the locale's.
    pub fn lang_code(&self) -> String {
        self.lang
            .clone()
            .unwrap_or_else(|| locale_language().to_string())
    }

    /// The order right-to-left lines are written in.
    pub fn bidi_mode(&self) -> maillab::protocol::bidi::Mode {
        self.bidi.map(Bidi::mode).unwrap_or_default()
    }
}

/// Parses the command line; a mistyped subcommand is told with the list of those
/// there are. Exits on errors and on `--help`/`--version`, as clap does.
pub fn parse() -> (Cli, ArgMatches) {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let serve_at = words.iter().position(|w| *w == "serve");
    if serve_at.is_some_and(|i| words[i + 1..].iter().any(|w| *w == "--help" || *w == "-h")) {
        print_help(serve_help().render_help(), false);
        std::process::exit(0);
    }
    let mut cmd = command();
    let matches = match cmd.try_get_matches_from_mut(args) {
        Ok(m) => m,
        Err(e) => {
            let unknown = e.kind() == clap::error::ErrorKind::InvalidSubcommand;
            if unknown {
                let names: Vec<String> = cmd
                    .get_subcommands()
                    .filter(|c| !c.is_hide_set())
                    .map(|c| c.get_name().to_string())
                    .collect();
                let _ = e.print();
                let text = maillab::tr!("main.subcommands_are", names = names.join(", "));
                eprintln!("\n{}", maillab::protocol::bidi::display(&text));
                std::process::exit(2);
            }
            if maillab::protocol::text::current().is_rtl()
                && matches!(
                    e.kind(),
                    clap::error::ErrorKind::DisplayHelp
                        | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                )
            {
                print_help(e.render(), e.use_stderr());
                std::process::exit(if e.use_stderr() { 2 } else { 0 });
            }
            e.exit()
        }
    };
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => (cli, matches),
        Err(e) => e.exit(),
    }
}

/// `$XDG_CONFIG_HOME/maillab/config.toml` (else `~/.config/maillab/config.toml`).
pub fn config_path() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|d| d.join("maillab").join("config.toml"))
}

/// The settings a config file may hold.
#[derive(serde::Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `en` or `ar`.
    pub lang: Option<String>,
    /// `logical` or `visual`.
    pub bidi: Option<String>,
    /// `auto`, `always` or `never`.
    pub color: Option<String>,
    /// `brief`, `full` (or `on`) or `off`.
    pub explain: Option<String>,
    /// CA or pinned certificate file(s), like `--ca-file`.
    pub ca_file: Option<OneOrMany>,
}

/// A string or a list of strings.
#[derive(serde::Deserialize, Debug)]
#[serde(untagged)]
pub enum OneOrMany {
    One(PathBuf),
    Many(Vec<PathBuf>),
}

fn from_command_line(m: &ArgMatches, id: &str) -> bool {
    // Global options land on the subcommand's matches when given after it.
    let mut cur = Some(m);
    while let Some(mm) = cur {
        if mm.try_get_raw(id).is_ok() && mm.value_source(id) == Some(ValueSource::CommandLine) {
            return true;
        }
        cur = mm.subcommand().map(|(_, sub)| sub);
    }
    false
}

/// Applies the config file's settings where the command line did not set them.
pub fn apply_config(cli: &mut Cli, matches: &ArgMatches) -> Result<(), String> {
    let Some(path) = config_path() else {
        return Ok(());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let cfg: Config = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let bad = |key: &str, v: &str| {
        maillab::tr!(
            "main.config_bad_value",
            path = path.display(),
            key = key,
            value = v
        )
    };
    if let Some(l) = cfg.lang.filter(|_| !from_command_line(matches, "lang")) {
        cli.lang = Some(l);
    }
    if let Some(b) = cfg.bidi.filter(|_| !from_command_line(matches, "bidi")) {
        cli.bidi = Some(Bidi::from_str(&b, true).map_err(|_| bad("bidi", &b))?);
    }
    if let Some(c) = cfg.color.filter(|_| !from_command_line(matches, "color")) {
        cli.color = Color::from_str(&c, true).map_err(|_| bad("color", &c))?;
    }
    if let Some(x) = cfg.explain.filter(|_| {
        !from_command_line(matches, "no_explain") && !from_command_line(matches, "explain")
    }) {
        cli.explain = Some(match x.to_ascii_lowercase().as_str() {
            "brief" => ExplainLevel::Brief,
            "on" | "full" => ExplainLevel::Full,
            "off" => ExplainLevel::Off,
            _ => return Err(bad("explain", &x)),
        });
    }
    if let Some(f) = cfg
        .ca_file
        .filter(|_| !from_command_line(matches, "ca_file"))
    {
        cli.ca_file = match f {
            OneOrMany::One(p) => vec![p],
            OneOrMany::Many(v) => v,
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (id, English text) the help pages are made of, from the doc comments.
    fn help_texts(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(a) = cmd.get_about() {
            out.push((format!("cli.about.{path}"), a.to_string()));
        }
        if let Some(a) = cmd.get_long_about() {
            out.push((format!("cli.long_about.{path}"), a.to_string()));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id();
            if let Some(h) = arg.get_help() {
                out.push((format!("cli.help.{path}.{id}"), h.to_string()));
            }
            if let Some(h) = arg.get_long_help() {
                out.push((format!("cli.long_help.{path}.{id}"), h.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            help_texts(sub, &help_path(path, sub.get_name()), out);
        }
    }

    /// en.ftl's help texts are the doc comments they mirror, every argument with a
    /// help text has an id, and en.ftl has no help id left over from a removed one.
    #[test]
    fn english_help_texts_mirror_the_doc_comments() {
        use maillab::protocol::text::english;
        let mut texts = Vec::new();
        help_texts(&Cli::command(), "main", &mut texts);
        assert!(texts.len() > 50);
        let mut wanted = std::collections::BTreeSet::new();
        for (id, doc) in &texts {
            let en = english().get(id);
            assert_eq!(
                en,
                Some(doc.as_str()),
                "en.ftl {id} differs from its doc comment"
            );
            wanted.insert(id.clone());
        }
        let prefixes = [
            "cli.about.",
            "cli.long_about.",
            "cli.help.",
            "cli.long_help.",
        ];
        for id in english().ids() {
            if prefixes.iter().any(|p| id.starts_with(p)) {
                assert!(wanted.contains(id), "en.ftl {id} mirrors no doc comment");
            }
        }
    }
}
