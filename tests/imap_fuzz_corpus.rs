//! Replays the IMAP fuzz target's kept inputs (its seed corpus and every input that
//! once crashed it, `fuzz/corpus/imap_session` and `fuzz/regressions/imap_session`)
//! exactly as the target feeds them, so a fixed crash stays fixed without cargo-fuzz.

use std::path::Path;
use std::sync::Arc;

use maillab::protocol::Protocol;
use maillab::server::{new_session, ServerConfig};
use maillab::store::fixture;

/// Same steps as `fuzz/fuzz_targets/imap_session.rs`.
fn replay(data: &[u8]) {
    let Some((&split, rest)) = data.split_first() else {
        return;
    };
    let store = Arc::new(fixture::default_store());
    let config = ServerConfig {
        max_literal: 1 << 20,
        max_message: 1 << 20,
        ..ServerConfig::default()
    };
    let mut session = new_session(Protocol::Imap, store, config);
    let _ = session.greeting();
    let chunk = usize::from(split).max(1);
    for piece in rest.chunks(chunk) {
        let out = session.receive(piece);
        if out.close {
            break;
        }
    }
    session.disconnected();
}

fn inputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn kept_fuzz_inputs_do_not_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let corpus = inputs(&root.join("corpus/imap_session"));
    assert!(
        !corpus.is_empty(),
        "the seed corpus is part of the repository"
    );
    for path in corpus
        .iter()
        .chain(inputs(&root.join("regressions/imap_session")).iter())
    {
        let data = std::fs::read(path).expect("readable input");
        replay(&data);
    }
}
