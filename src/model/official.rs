//! The official list of Indonesia's provinces and kabupaten/kota (Kepmendagri 300.2.2-2138/2025,
//! `wilayah.tsv` beside this file, with its source in its header): how many kab/kota a province
//! has, so that a rank says whether it is among all of them.

use std::sync::OnceLock;

const DATA: &str = include_str!("wilayah.tsv");

/// One entry of the list: a Kemendagri code (`35` for a province, `35.05` for a kab/kota) and
/// its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OfficialRegion {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
}

fn all() -> &'static [OfficialRegion] {
    static LIST: OnceLock<Vec<OfficialRegion>> = OnceLock::new();
    LIST.get_or_init(|| {
        DATA.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(code, name)| OfficialRegion { code, name })
            .collect()
    })
}

/// The provinces, in code order.
pub(crate) fn provinces() -> impl Iterator<Item = &'static OfficialRegion> {
    all().iter().filter(|r| !r.code.contains('.'))
}

/// The kab/kota of the province with the two-digit `code` (`"35"`), in code order.
pub(crate) fn kabupaten_kota(province: &str) -> impl Iterator<Item = &'static OfficialRegion> + '_ {
    all()
        .iter()
        .filter(move |r| r.code.split_once('.').is_some_and(|(p, _)| p == province))
}

/// The Kemendagri code of the kab/kota of `province` (two digits) named `name`, without
/// regard to case ("Kabupaten Ponorogo", "kota kediri").
pub(crate) fn find_kabupaten_kota(province: &str, name: &str) -> Option<&'static str> {
    let wanted = name.trim().to_lowercase();
    kabupaten_kota(province)
        .find(|r| r.name.to_lowercase() == wanted)
        .map(|r| r.code)
}

/// How many kab/kota the province with the two-digit `code` has; `None` for an unknown code.
pub(crate) fn kabupaten_kota_count(province: &str) -> Option<usize> {
    provinces()
        .any(|p| p.code == province)
        .then(|| kabupaten_kota(province).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_38_provinces_and_514_kabupaten_kota() {
        assert_eq!(provinces().count(), 38);
        let total: usize = provinces()
            .map(|p| kabupaten_kota_count(p.code).unwrap())
            .sum();
        assert_eq!(total, 514);
        // Every kab/kota belongs to a listed province.
        assert_eq!(all().iter().filter(|r| r.code.contains('.')).count(), total);
        assert_eq!(kabupaten_kota_count("35"), Some(38), "Jawa Timur");
        assert_eq!(kabupaten_kota_count("33"), Some(35), "Jawa Tengah");
        assert_eq!(kabupaten_kota_count("63"), Some(13), "Kalimantan Selatan");
        assert_eq!(kabupaten_kota_count("96"), Some(6), "Papua Barat Daya");
        assert_eq!(kabupaten_kota_count("00"), None);
        let blitar: Vec<_> = kabupaten_kota("35")
            .filter(|r| r.name.ends_with("Blitar"))
            .map(|r| (r.code, r.name))
            .collect();
        assert_eq!(
            blitar,
            vec![("35.05", "Kabupaten Blitar"), ("35.72", "Kota Blitar")]
        );
        // No stray spaces from the transcription.
        assert!(all().iter().all(|r| r.name == r.name.trim()));
    }
}
