//! The `maillab` binary: parses the command line and hands over to the library.

mod cli;

use std::sync::Arc;

use anyhow::{bail, Context};
use cli::{Cli, Color, Command};
use maillab::protocol::{bidi, Protocol};
use maillab::repl::{self, ColorChoice, Target};
use maillab::serve::{self, ServeOptions};
use maillab::server::ServerConfig;
use maillab::store::{fixture, SharedStore};
use maillab::transport::tls::LazyServerTls;

fn main() {
    cli::early_settings();
    let (mut cli, matches) = cli::parse();
    if let Err(e) = cli::apply_config(&mut cli, &matches) {
        eprintln!("{}", bidi::display(&format!("maillab: {e}")));
        std::process::exit(2);
    }
    match run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("{}", bidi::display(&format!("maillab: {e:#}")));
            std::process::exit(1);
        }
    }
}

fn load_store(cli: &Cli) -> anyhow::Result<SharedStore> {
    let store = match &cli.fixture {
        Some(path) => {
            let (store, problems) = fixture::load_path(path)
                .with_context(|| maillab::tr!("main.loading_fixture", path = path.display()))?;
            for p in problems {
                let text = format!(
                    "maillab: {}",
                    maillab::tr!("main.fixture_problem", problem = p)
                );
                eprintln!("{}", bidi::display(&text));
            }
            store
        }
        None => fixture::default_store(),
    };
    Ok(Arc::new(store))
}

fn run(cli: Cli) -> anyhow::Result<i32> {
    let code = cli.lang_code();
    let lang = maillab::protocol::text::builtin(&code).with_context(|| {
        maillab::tr!("main.unknown_language_use_en", lang = format!("{:?}", code))
    })?;
    maillab::protocol::text::set_current(lang);
    maillab::protocol::bidi::set_mode(cli.bidi_mode());
    let color = match cli.color {
        Color::Auto => ColorChoice::Auto,
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
    };
    let secs = |s: f64, what: &str| -> anyhow::Result<std::time::Duration> {
        if s.is_finite() && s > 0.0 && s < 1e9 {
            Ok(std::time::Duration::from_secs_f64(s))
        } else {
            bail!(
                "{}",
                maillab::tr!("main.must_positive_number_seconds", what = what)
            )
        }
    };
    let (starttls, submission) = match &cli.command {
        Some(Command::Connect {
            starttls,
            submission,
            ..
        }) => (*starttls, *submission),
        _ => (false, false),
    };
    let tls = repl::tls::TlsSettings {
        ca_files: cli.ca_file.clone(),
        insecure: cli.insecure,
        starttls,
        submission,
        connect_timeout: secs(cli.connect_timeout, "--connect-timeout")?,
        reply_timeout: secs(cli.reply_timeout, "--reply-timeout")?,
    };
    let repl_opts = |protocol, target, store| repl::Options {
        protocol,
        target,
        store,
        color,
        explain: cli.explain_level(),
        transcript: cli.transcript.clone(),
        full: cli.full,
        tls: tls.clone(),
    };
    match &cli.command {
        None | Some(Command::Imap) => Ok(repl::run(repl_opts(
            Protocol::Imap,
            Target::Embedded,
            load_store(&cli)?,
        ))),
        Some(Command::Pop3) => Ok(repl::run(repl_opts(
            Protocol::Pop3,
            Target::Embedded,
            load_store(&cli)?,
        ))),
        Some(Command::Smtp) => Ok(repl::run(repl_opts(
            Protocol::Smtp,
            Target::Embedded,
            load_store(&cli)?,
        ))),
        Some(Command::Connect {
            url,
            protocol,
            submission,
            ..
        }) => {
            let ep = repl::tls::parse_endpoint(url, protocol.as_deref(), *submission)
                .map_err(anyhow::Error::msg)?;
            let (p, addr) = (ep.protocol, ep.url);
            Ok(repl::run(repl_opts(
                p,
                Target::Remote(addr),
                load_store(&cli)?,
            )))
        }
        Some(Command::Explain {
            protocol,
            file,
            text,
        }) => {
            let text = match (file, text.as_deref()) {
                (Some(f), _) => std::fs::read(f)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .with_context(|| maillab::tr!("main.reading_file", path = f.display()))?,
                (None, Some("-")) => {
                    let mut b = Vec::new();
                    std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)
                        .with_context(|| maillab::tr!("main.reading_stdin"))?;
                    String::from_utf8_lossy(&b).into_owned()
                }
                (None, Some(t)) => t.to_string(),
                (None, None) => bail!("{}", maillab::tr!("main.explain_needs_text")),
            };
            let p = match protocol {
                Some(p) => Some(Protocol::parse(p).with_context(|| {
                    maillab::tr!(
                        "main.unknown_protocol_use_imap",
                        protocol = format!("{:?}", p)
                    )
                })?),
                None => None,
            };
            Ok(repl::explain_command(
                p,
                &text,
                color,
                cli.color == Color::Always,
            ))
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = cli::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "maillab", &mut script);
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), &script);
            Ok(0)
        }
        Some(Command::Man) => {
            let page = clap_mangen::Man::new(cli::command());
            let mut roff = Vec::new();
            page.render(&mut roff)?;
            let _ = std::io::Write::write_all(&mut std::io::stdout(), &roff);
            Ok(0)
        }
        Some(Command::Serve(args)) => {
            let store = load_store(&cli)?;
            let users = match &args.users {
                Some(path) => {
                    let text = std::fs::read_to_string(path).with_context(|| {
                        maillab::tr!("main.loading_users", path = path.display())
                    })?;
                    maillab::store::accounts::parse_users_file(&text)
                        .map_err(anyhow::Error::msg)
                        .with_context(|| {
                            maillab::tr!("main.loading_users", path = path.display())
                        })?
                }
                None => Vec::new(),
            };
            store.setup_accounts(&users, args.open_accounts);
            if let Some(dir) = &args.data {
                store
                    .attach_disk(dir)
                    .with_context(|| maillab::tr!("main.loading_data", path = dir.display()))?;
            }
            if !args.domain.is_empty() {
                store.write(|i| i.domains.extend(args.domain.iter().cloned()));
            }
            let mut base = ServerConfig {
                idle_timeout: std::time::Duration::from_secs(args.idle_timeout),
                max_literal: args.max_literal,
                require_tls: args.require_tls,
                limits: maillab::store::Limits {
                    user_quota: args.quota << 20,
                    sink: args.sink_limit << 20,
                    total: args.store_limit << 20,
                },
                ..ServerConfig::default()
            };
            let mut connections = serve::ConnectionLimits::default();
            for spec in &args.limits {
                serve::apply_limit(spec, &mut base, &mut connections)
                    .map_err(|e| anyhow::anyhow!("--limit {spec}: {e}"))?;
            }
            let faults = match &args.faults {
                Some(path) => {
                    let text = std::fs::read_to_string(path).map_err(|e| {
                        anyhow::anyhow!(maillab::tr!(
                            "serve.faults_unreadable",
                            path = path.display(),
                            error = e
                        ))
                    })?;
                    let plan = maillab::server::faults::FaultPlan::parse(&text)
                        .map_err(|e| anyhow::anyhow!(e))?;
                    Some(Arc::new(plan.with_seed(args.fault_seed)))
                }
                None => Some(Arc::new(
                    maillab::server::faults::FaultPlan::default().with_seed(args.fault_seed),
                )),
            };
            let mut endpoints = serve::default_endpoints(args.bind, args.port_offset, &base);
            let caps = |spec: &Option<String>, flag: &str| -> anyhow::Result<Vec<String>> {
                spec.as_deref()
                    .map(serve::disabled_caps)
                    .transpose()
                    .map(Option::unwrap_or_default)
                    .map_err(|e| anyhow::anyhow!("--{flag}: {e}"))
            };
            let imap_off = caps(&args.imap_caps, "imap-caps")?;
            let smtp_off = caps(&args.smtp_caps, "smtp-caps")?;
            let pop3_off = caps(&args.pop3_caps, "pop3-caps")?;
            for ep in &mut endpoints {
                ep.config.disabled = match ep.protocol {
                    Protocol::Imap => imap_off.clone(),
                    Protocol::Smtp => smtp_off.clone(),
                    Protocol::Pop3 => pop3_off.clone(),
                };
            }
            for ep in &mut endpoints {
                let explicit = match ep.name.as_str() {
                    "imap" => args.imap,
                    "pop3" => args.pop3,
                    "smtp" => args.smtp,
                    "submission" => args.submission,
                    "imaps" => args.imaps,
                    "pop3s" => args.pop3s,
                    "smtps" => args.smtps,
                    _ => None,
                };
                if let Some(a) = explicit {
                    ep.addr = a;
                }
            }
            let explicit_any = [
                args.imap,
                args.pop3,
                args.smtp,
                args.submission,
                args.imaps,
                args.pop3s,
                args.smtps,
            ]
            .iter()
            .any(Option::is_some);
            if !args.only.is_empty() {
                for name in &args.only {
                    if !endpoints.iter().any(|e| &e.name == name) {
                        bail!(
                            "{}",
                            maillab::tr!(
                                "main.only_unknown_listener",
                                name = format!("{:?}", name)
                            )
                        );
                    }
                }
                endpoints.retain(|e| args.only.contains(&e.name));
            } else if explicit_any {
                // Tests name the listeners they want (port 0 = any free port); open only those.
                let named = |n: &str| match n {
                    "imap" => args.imap.is_some(),
                    "pop3" => args.pop3.is_some(),
                    "smtp" => args.smtp.is_some(),
                    "submission" => args.submission.is_some(),
                    "imaps" => args.imaps.is_some(),
                    "pop3s" => args.pop3s.is_some(),
                    "smtps" => args.smtps.is_some(),
                    _ => false,
                };
                endpoints.retain(|e| named(&e.name));
            }
            let tls = match (&args.cert, &args.key) {
                (Some(c), Some(k)) => LazyServerTls::files(c.clone(), k.clone()),
                _ if !args.tls_names.is_empty() || args.tls_fault.is_some() => {
                    use maillab::transport::tls::TlsFault;
                    let fault = match args.tls_fault.as_deref() {
                        Some("expired") => Some(TlsFault::Expired),
                        Some(_) => Some(TlsFault::WrongHost),
                        None => None,
                    };
                    LazyServerTls::lab_with(
                        LazyServerTls::default_dir(),
                        args.tls_names.clone(),
                        fault,
                    )
                }
                _ => LazyServerTls::lab(LazyServerTls::default_dir()),
            };
            let lab = maillab::lab::LabOptions {
                trace: args.trace,
                show_secrets: args.show_secrets,
                styled: match cli.color {
                    Color::Always => true,
                    Color::Never => false,
                    Color::Auto => {
                        std::io::IsTerminal::is_terminal(&std::io::stdout())
                            && std::env::var_os("NO_COLOR").is_none()
                    }
                },
                transcripts: args.transcripts.clone(),
                stats_file: args.stats_file.clone(),
                progress_file: args
                    .data
                    .as_ref()
                    .map(|d| d.join(maillab::lab::lessons::PROGRESS_FILE)),
            };
            // The control endpoint: where asked, else beside the standard listeners.
            let control_addr = args.control.or_else(|| {
                (!explicit_any).then(|| {
                    std::net::SocketAddr::new(args.bind, 80u16.saturating_add(args.port_offset))
                })
            });
            let recorder = if lab.any() || control_addr.is_some() {
                Some(maillab::lab::Recorder::start(
                    lab,
                    Box::new(std::io::stdout()),
                )?)
            } else {
                None
            };
            let watch = recorder
                .clone()
                .map(|r| r as Arc<dyn maillab::server::observe::Sink>);
            let rt = tokio::runtime::Runtime::new()?;
            let served = rt.block_on(serve::serve(
                store,
                ServeOptions {
                    endpoints,
                    ports_file: args.ports_file.clone(),
                    tls,
                    ca_out: args.ca_out.clone(),
                    quiet: args.quiet,
                    connections,
                    watch,
                    faults,
                    control: control_addr.zip(recorder.clone()).map(|(addr, recorder)| {
                        serve::Control {
                            addr,
                            token: args
                                .teacher_token
                                .clone()
                                .unwrap_or_else(maillab::lab::control::new_token),
                            recorder,
                        }
                    }),
                },
            ));
            if let Some(r) = &recorder {
                r.finish();
            }
            served?;
            Ok(0)
        }
        Some(Command::Ctl {
            control,
            action: cli::CtlAction::Progress { json },
        }) => {
            let creds = control_credentials(control);
            maillab::lab::lessons::ctl_progress(
                &control_addr(&control.server),
                creds.token.as_deref(),
                creds.login.as_ref().map(|(u, p)| (u.as_str(), p.as_str())),
                *json,
                &mut std::io::stdout(),
            )
            .map_err(anyhow::Error::msg)?;
            Ok(0)
        }
        Some(Command::Ctl { control, action }) => {
            use maillab::lab::control::{self as ctl, Change};
            let (addr, creds) = (control_addr(&control.server), control_credentials(control));
            let out = &mut std::io::stdout();
            let change = match action {
                cli::CtlAction::Stats { json } => {
                    ctl::ctl_stats(&addr, &creds, *json, out)?;
                    return Ok(0);
                }
                // `ctl progress` is answered above.
                cli::CtlAction::Progress { .. } => return Ok(2),
                cli::CtlAction::Users => {
                    ctl::ctl_users(&addr, &creds, out)?;
                    return Ok(0);
                }
                cli::CtlAction::ClientConfig { thunderbird } => {
                    ctl::ctl_client_config(&addr, &creds, *thunderbird, out)?;
                    return Ok(0);
                }
                cli::CtlAction::Faults { op, rule } => {
                    let request = format!("{} {}", op.to_ascii_uppercase(), rule.join(" "));
                    ctl::ctl_faults(&addr, &creds, request.trim(), out)?;
                    return Ok(0);
                }
                cli::CtlAction::Reset { user } => Change::Reset(user.clone()),
                cli::CtlAction::Snapshot { name } => Change::Snapshot(name.clone()),
                cli::CtlAction::Restore { name } => Change::Restore(name.clone()),
                cli::CtlAction::Load { fixture } => Change::Load(fixture.clone()),
                cli::CtlAction::Deliver { file, to } => Change::Deliver {
                    file: file.clone(),
                    to: to.clone(),
                },
            };
            ctl::ctl_change(&addr, &creds, &change, out)?;
            Ok(0)
        }
        Some(Command::Watch {
            control,
            user,
            protocol,
            session,
        }) => {
            let filter = maillab::lab::Filter {
                user: user.clone(),
                protocol: match protocol {
                    Some(p) => Some(Protocol::parse(p).with_context(|| {
                        maillab::tr!("main.unknown_protocol_use_imap", protocol = p)
                    })?),
                    None => None,
                },
                session: *session,
            };
            maillab::lab::control::watch(
                &control_addr(&control.server),
                &control_credentials(control),
                &filter,
                &mut std::io::stdout(),
            )?;
            Ok(0)
        }
        Some(Command::Lesson(args)) => Ok(run_lesson(
            args,
            repl_opts(Protocol::Imap, Target::Embedded, load_store(&cli)?),
        )),
    }
}

/// HOST or HOST:PORT of a control endpoint (1080: the default port offset + 80).
fn control_addr(server: &str) -> String {
    if server.parse::<std::net::SocketAddr>().is_ok()
        || (server.contains(':') && !server.contains("::") && !server.starts_with('['))
    {
        server.to_string()
    } else if server.contains(':') {
        format!("[{}]:1080", server.trim_matches(['[', ']']))
    } else {
        format!("{server}:1080")
    }
}

fn control_credentials(c: &cli::ControlArgs) -> maillab::lab::control::Credentials {
    maillab::lab::control::Credentials {
        token: c.token.clone(),
        login: c.login.clone().zip(c.password.clone()),
    }
}

/// `maillab lesson …`: hands over to the lessons module.
fn run_lesson(args: &cli::LessonArgs, base: repl::Options) -> i32 {
    use cli::LessonAction as A;
    use maillab::lessons::command::{self, Action};
    let action = match &args.action {
        A::List => Action::List,
        A::Run { name, step, .. } => Action::Run {
            name: name.clone(),
            step: *step,
        },
        A::Check { files } => Action::Check {
            files: files.clone(),
        },
        A::New { name } => Action::New { name: name.clone() },
        A::Reset { name, .. } => Action::Reset { name: name.clone() },
        A::Export { file } => Action::Export { file: file.clone() },
        A::Import { file } => Action::Import { file: file.clone() },
    };
    let lab = match &args.action {
        A::Run { lab, .. } => match lesson_lab(lab) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("maillab: {e}");
                return 2;
            }
        },
        _ => None,
    };
    let settings = command::Settings {
        dir: args.dir.clone(),
        json: args.json,
        color: base.color,
        base,
        progress: command::progress_path(),
        lab,
    };
    command::execute(action, &settings)
}

/// `lesson run --server …`: where the lab server listens and who the student is.
fn lesson_lab(
    a: &cli::LessonServerArgs,
) -> Result<Option<maillab::lessons::command::LabRun>, String> {
    use maillab::lessons::remote;
    let (Some(server), Some(user)) = (&a.server, &a.user) else {
        return Ok(None);
    };
    let ports = remote::addresses(server, a.port_offset, a.ports_file.as_deref())?;
    let password = match &a.password {
        Some(p) => p.clone(),
        None => remote::prompt_password(user)?,
    };
    Ok(Some(maillab::lessons::command::LabRun {
        ports,
        user: user.clone(),
        password,
    }))
}
