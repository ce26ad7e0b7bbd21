//! Progress per user: which steps of which lessons passed, kept as JSON in the data
//! directory (`$MAILLAB_DATA_DIR`, else the XDG data directory), movable between
//! machines with `lesson export` / `lesson import`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Version of the progress file format.
pub const VERSION: u32 = 1;

/// The progress of one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// Ids of the steps passed (in any run).
    pub passed: Vec<String>,
    /// Every step passed at least once.
    pub complete: bool,
}

/// Everything kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// By lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: VERSION,
            lessons: BTreeMap::new(),
        }
    }
}

/// The data directory: `$MAILLAB_DATA_DIR`, else `~/.local/share/maillab` (XDG).
pub fn data_dir() -> PathBuf {
    crate::transport::tls::LabCertificates::default_dir()
}

/// Where progress is kept.
pub fn default_path() -> PathBuf {
    data_dir().join("lessons-progress.json")
}

impl Progress {
    /// Reads progress from `path`; a missing file is no progress.
    pub fn load(path: &Path) -> Result<Progress, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Progress::from_json(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Progress::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Parses a progress document.
    pub fn from_json(text: &str) -> Result<Progress, String> {
        let p: Progress = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if p.version != VERSION {
            return Err(crate::tr!(
                "lesson.progress_version",
                got = p.version,
                reads = VERSION
            ));
        }
        Ok(p)
    }

    /// Writes progress to `path` (atomically: a temporary file renamed).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, text + "\n").map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Records the steps passed in a run of `lesson` with `steps` (all step ids).
    pub fn record(&mut self, lesson: &str, steps: &[String], passed: &[String]) {
        let entry = self.lessons.entry(lesson.to_string()).or_default();
        for id in passed {
            if !entry.passed.contains(id) {
                entry.passed.push(id.clone());
            }
        }
        entry.complete = steps.iter().all(|s| entry.passed.contains(s));
    }

    /// Forgets one lesson.
    pub fn reset(&mut self, lesson: &str) -> bool {
        self.lessons.remove(lesson).is_some()
    }

    /// Merges another machine's progress in (union of passed steps).
    pub fn merge(&mut self, other: &Progress) {
        for (id, lp) in &other.lessons {
            let entry = self.lessons.entry(id.clone()).or_default();
            for s in &lp.passed {
                if !entry.passed.contains(s) {
                    entry.passed.push(s.clone());
                }
            }
            entry.complete |= lp.complete;
        }
    }

    /// Steps of `lesson` passed among `steps`.
    pub fn passed_in(&self, lesson: &str, steps: &[String]) -> usize {
        self.lessons
            .get(lesson)
            .map_or(0, |l| steps.iter().filter(|s| l.passed.contains(s)).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_merge_and_round_trip() {
        let steps: Vec<String> = ["a", "b"].map(String::from).to_vec();
        let mut p = Progress::default();
        p.record("l1", &steps, &["a".into()]);
        assert!(!p.lessons["l1"].complete);
        let mut q = Progress::default();
        q.record("l1", &steps, &["b".into()]);
        p.merge(&q);
        p.record("l1", &steps, &[]);
        assert!(p.lessons["l1"].complete);
        assert_eq!(p.passed_in("l1", &steps), 2);
        let back = Progress::from_json(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
        assert!(Progress::from_json("{\"version\":9,\"lessons\":{}}").is_err());
        assert!(p.reset("l1"));
    }
}
