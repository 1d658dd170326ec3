//! Output files (reports, data, exports) written whole or not at all: the content goes to a temporary
//! file in the target's folder, which is synced and then renamed over the
//! target. A failure at any point (a full disk, a killed process, a target
//! that cannot be replaced) leaves the previous file, or nothing, at the
//! target, and removes the temporary file when the process is still alive.
//! The file gets the mode of any file the user creates (0666 less the umask).

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then a rename, so a failure never leaves a partial file at `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// The atomic write around any producer of the content: `fill` writes into
/// the temporary file; if it fails, the temporary file is removed and the
/// target is left as it was.
fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".smq-").suffix(".tmp");
    // A temporary file is created 0600 and the rename keeps its mode; a
    // report must be readable as any file the user creates, so ask for 0666:
    // the kernel applies the umask when it creates the file (0644 under the
    // usual 022), without smq reading or changing the process's umask.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir)?;
    // On any error below, dropping `tmp` deletes the temporary file.
    fill(&mut tmp)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that passes the first `left` bytes on and then fails, as a
    /// full disk would.
    struct FailAfter<'a> {
        inner: &'a mut dyn Write,
        left: usize,
    }

    impl Write for FailAfter<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left (simulated)",
                ));
            }
            let n = self.inner.write(&buf[..buf.len().min(self.left)])?;
            self.left -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            self.inner.flush()
        }
    }

    /// The names of the files in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// The sizes of the temporary files in `dir`.
    fn temp_sizes(dir: &Path) -> Vec<u64> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .map(|e| e.metadata().unwrap().len())
            .collect()
    }

    /// 10,000 bytes of a new report.
    fn content() -> Vec<u8> {
        (0..10_000u32).map(|i| (i % 251) as u8).collect()
    }

    /// Writes the new content through a writer failing after `n` bytes;
    /// checks that the temporary file held exactly `n` bytes when it failed.
    fn failing_write(target: &Path, n: usize) -> io::Error {
        let dir = target.parent().unwrap().to_owned();
        let new = content();
        write_atomic_with(target, |out| {
            let err = FailAfter {
                inner: out,
                left: n,
            }
            .write_all(&new)
            .unwrap_err();
            // The partial content is in the temporary file, not the target.
            assert_eq!(temp_sizes(&dir), vec![n as u64], "after {n} bytes");
            Err(err)
        })
        .unwrap_err()
    }

    #[test]
    fn a_failing_writer_leaves_the_previous_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("revue.pdf");
        for n in [0, 1, 4096, 9_999] {
            std::fs::write(&target, b"previous version").unwrap();
            let err = failing_write(&target, n);
            assert_eq!(err.kind(), io::ErrorKind::StorageFull);
            assert_eq!(std::fs::read(&target).unwrap(), b"previous version");
            assert_eq!(names(dir.path()), ["revue.pdf"], "after {n} bytes");
        }
    }

    #[test]
    fn a_failing_writer_leaves_nothing_where_there_was_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("indicateurs.pdf");
        failing_write(&target, 5_000);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn a_target_that_cannot_be_replaced_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should go: the rename fails.
        let target = dir.path().join("export.xlsx");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), b"kept").unwrap();
        assert!(write_atomic(&target, &content()).is_err());
        assert_eq!(names(dir.path()), ["export.xlsx"]);
        assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"kept");
    }

    /// The umask of this process, read without changing it (Linux).
    #[cfg(target_os = "linux")]
    fn umask() -> u32 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let line = status.lines().find(|l| l.starts_with("Umask:")).unwrap();
        u32::from_str_radix(line["Umask:".len()..].trim(), 8).unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_file_has_the_mode_of_a_file_the_user_creates() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("revue.pdf");
        write_atomic(&target, &content()).unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask(), "{mode:o}");
        // The same as a file created the ordinary way.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        let plain_mode = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, plain_mode);
    }

    #[test]
    fn a_successful_write_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("revue.pdf");
        std::fs::write(&target, b"previous version").unwrap();
        write_atomic(&target, &content()).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), content());
        assert_eq!(names(dir.path()), ["revue.pdf"]);
    }
}
