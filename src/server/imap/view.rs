//! A session's view of the selected mailbox: the UID of each message sequence number
//! (RFC 3501 §2.3.1.2), run-length encoded so that a 100,000-message mailbox with
//! mostly consecutive UIDs costs a few bytes per session, not 400 KB.

/// Consecutive UIDs `first .. first + count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    first: u32,
    count: u32,
}

/// Sequence number ↔ UID map, UIDs strictly ascending.
#[derive(Clone, Debug, Default)]
pub struct UidView {
    runs: Vec<Run>,
    /// `starts[i]` = number of messages before run `i` (0-based index of its first).
    starts: Vec<u32>,
    len: u32,
}

impl UidView {
    /// An empty view.
    pub fn new() -> Self {
        UidView::default()
    }

    /// Builds a view from ascending UIDs.
    pub fn from_uids(uids: impl IntoIterator<Item = u32>) -> Self {
        let mut v = UidView::new();
        for u in uids {
            v.push(u);
        }
        v
    }

    /// Builds a view from a mailbox's messages (UIDs strictly ascending). When the UIDs
    /// have no gap (the common case) this is one run, built without visiting them all.
    pub fn from_ascending(messages: &[std::sync::Arc<crate::store::Message>]) -> Self {
        match (messages.first(), messages.last()) {
            (Some(first), Some(last))
                if u64::from(last.uid) - u64::from(first.uid) + 1 == messages.len() as u64 =>
            {
                UidView {
                    runs: vec![Run {
                        first: first.uid,
                        count: messages.len() as u32,
                    }],
                    starts: vec![0],
                    len: messages.len() as u32,
                }
            }
            _ => Self::from_uids(messages.iter().map(|m| m.uid)),
        }
    }

    /// Number of messages (the EXISTS count).
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether the view has no message.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Highest UID in the view.
    pub fn last_uid(&self) -> Option<u32> {
        self.runs.last().map(|r| r.first + r.count - 1)
    }

    /// Adds a UID above every UID already present.
    pub fn push(&mut self, uid: u32) {
        if let Some(last) = self.runs.last_mut() {
            debug_assert!(uid > last.first + last.count - 1);
            if last.first.checked_add(last.count) == Some(uid) {
                last.count += 1;
                self.len += 1;
                return;
            }
        }
        self.starts.push(self.len);
        self.runs.push(Run {
            first: uid,
            count: 1,
        });
        self.len += 1;
    }

    /// UID of the message at 0-based `index`.
    pub fn uid_at(&self, index: usize) -> Option<u32> {
        if index >= self.len() {
            return None;
        }
        let index = index as u32;
        let r = self.starts.partition_point(|&s| s <= index) - 1;
        Some(self.runs[r].first + (index - self.starts[r]))
    }

    /// 0-based index of `uid`, if present.
    pub fn index_of(&self, uid: u32) -> Option<usize> {
        let r = self.runs.partition_point(|run| run.first <= uid);
        if r == 0 {
            return None;
        }
        let run = self.runs[r - 1];
        (uid - run.first < run.count).then(|| (self.starts[r - 1] + uid - run.first) as usize)
    }

    /// Number of UIDs `<= uid` (the index where `uid` is or would go).
    pub fn rank(&self, uid: u32) -> usize {
        let r = self.runs.partition_point(|run| run.first <= uid);
        if r == 0 {
            return 0;
        }
        let run = self.runs[r - 1];
        (self.starts[r - 1] + (uid - run.first + 1).min(run.count)) as usize
    }

    /// Every UID in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.runs.iter().flat_map(|r| r.first..r.first + r.count)
    }

    /// Keeps only the UIDs for which `keep` is true; returns the 0-based indexes removed
    /// (ascending, as they were before removal).
    pub fn retain(&mut self, mut keep: impl FnMut(u32) -> bool) -> Vec<usize> {
        let old = std::mem::take(self);
        let mut removed = Vec::new();
        for (i, uid) in old.iter().enumerate() {
            if keep(uid) {
                self.push(uid);
            } else {
                removed.push(i);
            }
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_both_ways_across_runs() {
        let v = UidView::from_uids([1, 2, 3, 7, 8, 20]);
        assert_eq!(v.len(), 6);
        assert_eq!(v.uid_at(0), Some(1));
        assert_eq!(v.uid_at(3), Some(7));
        assert_eq!(v.uid_at(5), Some(20));
        assert_eq!(v.uid_at(6), None);
        assert_eq!(v.index_of(8), Some(4));
        assert_eq!(v.index_of(5), None);
        assert_eq!(v.index_of(0), None);
        assert_eq!(v.rank(5), 3);
        assert_eq!(v.rank(100), 6);
        assert_eq!(v.rank(0), 0);
        assert_eq!(v.last_uid(), Some(20));
    }

    #[test]
    fn from_ascending_matches_from_uids_with_and_without_gaps() {
        let date = chrono::DateTime::parse_from_rfc2822("Mon, 7 Feb 1994 21:52:25 -0800")
            .expect("valid date");
        let msgs = |uids: &[u32]| -> Vec<std::sync::Arc<crate::store::Message>> {
            uids.iter()
                .map(|&uid| {
                    let mut m = crate::store::Message::new(&b"x"[..], Default::default(), date);
                    m.uid = uid;
                    std::sync::Arc::new(m)
                })
                .collect()
        };
        for uids in [&[][..], &[5], &[3, 4, 5, 6], &[1, 2, 4], &[1, 9, 10, 11]] {
            let v = UidView::from_ascending(&msgs(uids));
            assert_eq!(v.iter().collect::<Vec<_>>(), uids);
            assert_eq!(v.len(), uids.len());
            assert_eq!(v.last_uid(), uids.last().copied());
            for (i, &u) in uids.iter().enumerate() {
                assert_eq!(v.index_of(u), Some(i));
                assert_eq!(v.uid_at(i), Some(u));
            }
        }
    }

    #[test]
    fn retain_reports_removed_indexes() {
        let mut v = UidView::from_uids(1..=10);
        let gone = v.retain(|u| u % 3 != 0);
        assert_eq!(gone, vec![2, 5, 8]);
        assert_eq!(v.iter().collect::<Vec<_>>(), vec![1, 2, 4, 5, 7, 8, 10]);
        assert_eq!(v.index_of(10), Some(6));
    }
}
