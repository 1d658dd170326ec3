//! A pre-check of the compound file (OLE) behind an `.xls`. calamine 0.38
//! follows sector chains without noticing a loop, so a damaged `.xls` whose
//! allocation table points back into a chain makes it allocate until the
//! machine runs out of memory (found by fuzzing). A real file's table has no
//! cycle: this finds one in a single pass before calamine opens the file.

const FREE_OR_SPECIAL: u32 = 0xFFFF_FFFA;

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Whether the file's sector allocation table holds a cycle. A table that
/// cannot be read is no cycle: calamine then reports the file itself.
pub fn has_cycle(bytes: &[u8]) -> bool {
    let Some(shift) = bytes.get(30..32).map(|s| u16::from_le_bytes([s[0], s[1]])) else {
        return false;
    };
    if !(7..=16).contains(&shift) {
        return false;
    }
    let size = 1usize << shift;
    let sector = |s: u32| -> Option<&[u8]> {
        let start = (s as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(start..start + size)
    };
    // The FAT's own sectors: 109 in the header, then the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109)
        .filter_map(|i| u32_at(bytes, 76 + 4 * i))
        .filter(|&s| s < FREE_OR_SPECIAL)
        .collect();
    let mut difat = u32_at(bytes, 68).unwrap_or(u32::MAX);
    let mut guard = 0usize;
    while difat < FREE_OR_SPECIAL {
        guard += 1;
        let Some(d) = sector(difat) else { break };
        if guard > bytes.len() / size + 1 {
            return true;
        }
        let n = size / 4 - 1;
        fat_sectors.extend(
            (0..n)
                .filter_map(|i| u32_at(d, 4 * i))
                .filter(|&s| s < FREE_OR_SPECIAL),
        );
        difat = u32_at(d, 4 * n).unwrap_or(u32::MAX);
    }
    let fat: Vec<u32> = fat_sectors
        .iter()
        .filter_map(|&s| sector(s))
        .flat_map(|d| (0..size / 4).filter_map(move |i| u32_at(d, 4 * i)))
        .collect();
    // A functional graph: colour each chain walked (0 new, 1 on the current
    // walk, 2 done); meeting colour 1 again is a cycle.
    let mut colour = vec![0u8; fat.len()];
    for start in 0..fat.len() {
        let mut path = Vec::new();
        let mut s = start;
        loop {
            match colour[s] {
                1 => return true,
                2 => break,
                _ => {}
            }
            colour[s] = 1;
            path.push(s);
            let next = fat[s];
            if next >= FREE_OR_SPECIAL || next as usize >= fat.len() {
                break;
            }
            s = next as usize;
        }
        for p in path {
            colour[p] = 2;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 512-byte-sector compound file: header, one FAT sector (sector 0),
    /// with `fat` as its first entries.
    fn file(fat: &[u32]) -> Vec<u8> {
        let mut b = vec![0u8; 512 * 3];
        b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        b[30..32].copy_from_slice(&9u16.to_le_bytes());
        b[68..72].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        b[76..80].copy_from_slice(&0u32.to_le_bytes());
        for i in 1..109 {
            b[76 + 4 * i..80 + 4 * i].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        for i in 0..128 {
            let v = fat.get(i).copied().unwrap_or(0xFFFF_FFFF);
            b[512 + 4 * i..516 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        b
    }

    #[test]
    fn chains_end_cycles_do_not() {
        // Sector 0 is the FAT itself (0xFFFFFFFD); 1 → 2 → end.
        assert!(!has_cycle(&file(&[0xFFFF_FFFD, 2, 0xFFFF_FFFE])));
        // 1 → 2 → 1.
        assert!(has_cycle(&file(&[0xFFFF_FFFD, 2, 1])));
        // A sector pointing at itself.
        assert!(has_cycle(&file(&[0xFFFF_FFFD, 1])));
        let real = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/rex-libreoffice.xls"
        ))
        .unwrap();
        assert!(!has_cycle(&real));
    }
}
