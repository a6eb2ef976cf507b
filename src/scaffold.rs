//! `tkpk new`: a new site that builds at once: site.yaml, the national and province reference
//! files, one regency with illustrative figures (marked so on every page) and narrative stubs
//! under the LP2KD chapter headings, each with a short guide for the author.

use std::path::{Path, PathBuf};

/// The 38 provinces: file name (slug), official name, BPS code.
pub const PROVINCES: &[(&str, &str, &str)] = &[
    ("aceh", "Provinsi Aceh", "11"),
    ("sumatera-utara", "Provinsi Sumatera Utara", "12"),
    ("sumatera-barat", "Provinsi Sumatera Barat", "13"),
    ("riau", "Provinsi Riau", "14"),
    ("jambi", "Provinsi Jambi", "15"),
    ("sumatera-selatan", "Provinsi Sumatera Selatan", "16"),
    ("bengkulu", "Provinsi Bengkulu", "17"),
    ("lampung", "Provinsi Lampung", "18"),
    (
        "kepulauan-bangka-belitung",
        "Provinsi Kepulauan Bangka Belitung",
        "19",
    ),
    ("kepulauan-riau", "Provinsi Kepulauan Riau", "21"),
    ("dki-jakarta", "Provinsi DKI Jakarta", "31"),
    ("jawa-barat", "Provinsi Jawa Barat", "32"),
    ("jawa-tengah", "Provinsi Jawa Tengah", "33"),
    ("di-yogyakarta", "Provinsi DI Yogyakarta", "34"),
    ("jawa-timur", "Provinsi Jawa Timur", "35"),
    ("banten", "Provinsi Banten", "36"),
    ("bali", "Provinsi Bali", "51"),
    ("nusa-tenggara-barat", "Provinsi Nusa Tenggara Barat", "52"),
    ("nusa-tenggara-timur", "Provinsi Nusa Tenggara Timur", "53"),
    ("kalimantan-barat", "Provinsi Kalimantan Barat", "61"),
    ("kalimantan-tengah", "Provinsi Kalimantan Tengah", "62"),
    ("kalimantan-selatan", "Provinsi Kalimantan Selatan", "63"),
    ("kalimantan-timur", "Provinsi Kalimantan Timur", "64"),
    ("kalimantan-utara", "Provinsi Kalimantan Utara", "65"),
    ("sulawesi-utara", "Provinsi Sulawesi Utara", "71"),
    ("sulawesi-tengah", "Provinsi Sulawesi Tengah", "72"),
    ("sulawesi-selatan", "Provinsi Sulawesi Selatan", "73"),
    ("sulawesi-tenggara", "Provinsi Sulawesi Tenggara", "74"),
    ("gorontalo", "Provinsi Gorontalo", "75"),
    ("sulawesi-barat", "Provinsi Sulawesi Barat", "76"),
    ("maluku", "Provinsi Maluku", "81"),
    ("maluku-utara", "Provinsi Maluku Utara", "82"),
    ("papua-barat", "Provinsi Papua Barat", "91"),
    ("papua-barat-daya", "Provinsi Papua Barat Daya", "92"),
    ("papua", "Provinsi Papua", "94"),
    ("papua-selatan", "Provinsi Papua Selatan", "95"),
    ("papua-tengah", "Provinsi Papua Tengah", "96"),
    ("papua-pegunungan", "Provinsi Papua Pegunungan", "97"),
];

/// The Kemendagri code of a province from its BPS code (the same digits, except the Papua
/// provinces, which BPS and Kemendagri number differently).
fn official_province(bps: &str) -> &str {
    match bps {
        "91" => "92", // Papua Barat
        "92" => "96", // Papua Barat Daya
        "94" => "91", // Papua
        "95" => "93", // Papua Selatan
        "96" => "94", // Papua Tengah
        "97" => "95", // Papua Pegunungan
        other => other,
    }
}

/// Province slugs tkpk new knows.
pub fn province_slugs() -> Vec<&'static str> {
    PROVINCES.iter().map(|(s, ..)| *s).collect()
}

/// Why a new site could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("the folder is not empty")]
    NotEmpty(PathBuf),
    #[error("unknown province")]
    UnknownProvince(String),
    /// The name is not a kab/kota of the province: the name, and the province's kab/kota.
    #[error("unknown region")]
    UnknownRegion(String, Vec<String>),
    #[error("the region name gives no usable folder name")]
    BadRegionName(String),
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, std::io::Error),
}

/// `Kabupaten Blitar` → `kabupaten-blitar`.
pub fn slug(name: &str) -> String {
    crate::base::markdown::slugify(name)
}

/// The year of the stub report: the latest year of the national figures written below.
const REPORT_YEAR: i32 = 2025;

/// The name `tkpk new` uses when none is given: not a real region (any name with "Contoh" is
/// taken as an example), written with codes that cannot match one.
pub const EXAMPLE_REGION: &str = "Kabupaten Contoh";

/// An example site's name ("Kabupaten Contoh", "Kota Contoh Baru"): allowed though it is no
/// real kab/kota, with codes that match none.
fn is_example(region: &str) -> bool {
    region.to_lowercase().contains("contoh")
}

/// The region's codes for wilayah.yaml: from the official list when the name is in it (the
/// Kemendagri code, and the BPS code where it is the same digits, as outside Papua), otherwise
/// codes ending in 99 that match no real kab/kota (never the province's own, which `tkpk
/// impor` would read as the region's).
fn codes(region: &str, province_bps: &str) -> (String, String, bool) {
    let official =
        crate::model::official::find_kabupaten_kota(official_province(province_bps), region);
    match official {
        Some(code) => {
            let (prov, kab) = code.split_once('.').unwrap_or((code, "99"));
            let bps = if prov == province_bps {
                format!("{prov}{kab}")
            } else {
                format!("{province_bps}99")
            };
            (code.to_string(), bps, true)
        }
        None => (
            format!("{province_bps}.99"),
            format!("{province_bps}99"),
            false,
        ),
    }
}

fn files(region: &str, province: (&str, &str, &str)) -> Vec<(String, String)> {
    let (province_slug, province_name, code) = province;
    let (kode, kode_bps, official) = codes(region, code);
    let code_note = if official {
        "dari daftar resmi Kepmendagri; periksa kode BPS dengan tabel BPS"
    } else {
        "ganti dengan kode wilayah Anda"
    };
    let region_slug = slug(region);
    let kind = if region.to_lowercase().starts_with("kota") {
        "kota"
    } else {
        "kabupaten"
    };
    let head = if kind == "kota" {
        "Wali Kota"
    } else {
        "Bupati"
    };
    let place = region
        .split_once(' ')
        .map(|(_, rest)| rest)
        .unwrap_or(region);
    let mut out = vec![
        (
            "site.yaml".to_string(),
            format!(
                "# Pengaturan situs. Referensi lengkap setiap kunci: README tkpk, bagian \"Referensi penulis\".\n\
                 judul: Laporan Pelaksanaan Penanggulangan Kemiskinan Daerah {region}\n\
                 bahasa: id\n\
                 tahun_laporan: {REPORT_YEAR}\n"
            ),
        ),
        (
            "content/referensi/indonesia.yaml".to_string(),
            "# Angka nasional (BPS, Susenas Maret). Tambahkan tahun lain bila perlu.\n\
             nama: Indonesia\n\
             tingkat: nasional\n\
             kode: \"00\"\n\
             sumber: BPS, Berita Resmi Statistik Profil Kemiskinan di Indonesia (Susenas Maret)\n\
             data:\n  2023: {p0: 9.36}\n  2024: {p0: 9.03}\n  2025: {p0: 8.47}\n"
                .to_string(),
        ),
        (
            format!("content/referensi/{province_slug}.yaml"),
            format!(
                "# Angka {province_name} (BPS, Susenas Maret). Isi dari Berita Resmi Statistik BPS provinsi,\n\
                 # misalnya:\n#   2025: {{p0: 9.50, jumlah_penduduk_miskin: 3876}}\n\
                 nama: {province_name}\n\
                 tingkat: provinsi\n\
                 kode: \"{code}\"\n\
                 sumber: BPS {}, Berita Resmi Statistik (Susenas Maret)\n\
                 data: {{}}\n",
                province_name.trim_start_matches("Provinsi ")
            ),
        ),
        (
            format!("content/{region_slug}/wilayah.yaml"),
            format!(
                "nama: {region}\n\
                 jenis: {kind}\n\
                 kode: \"{kode}\"      # kode Kemendagri ({code_note}), misalnya \"35.05\"\n\
                 kode_bps: \"{kode_bps}\"    # kode BPS, misalnya \"3505\"\n\
                 provinsi: {province_slug}\n\
                 tkpk:\n  ketua: Wakil {head} {place}\n  sekretariat: Bappeda {region}\n"
            ),
        ),
        (
            format!("content/{region_slug}/indikator.yaml"),
            format!(
                "# Angka BPS {region}; titik sebagai pemisah desimal. `sumber` adalah sumber angka resmi\n\
                 # (tulis judul publikasi BPS yang Anda pakai).\n\
                 sumber: BPS {region}, Susenas Maret\n\
                 data:\n  2024: {{p0: 10.00, jumlah_penduduk_miskin: 50.00}}\n  {REPORT_YEAR}: {{p0: 9.50, jumlah_penduduk_miskin: 47.50}}\n\
                 # Angka yang tercantum di `ilustrasi` adalah CONTOH, bukan angka resmi: setiap halaman\n\
                 # menandainya \"ilustrasi\". `tkpk impor` tabel BPS menggantinya (tanpa --timpa) dan\n\
                 # menghapus tandanya; bila Anda menggantinya sendiri, hapus juga tandanya di sini.\n\
                 ilustrasi:\n  2024: [p0, jumlah_penduduk_miskin]\n  {REPORT_YEAR}: [p0, jumlah_penduduk_miskin]\n\
                 # target:\n#   p0: {{2026: 9.00}}\n# sumber_target: RPJMD {region} 2025–2029\n"
            ),
        ),
    ];
    let stubs: [(&str, &str, &str, &str); 7] = [
        (
            "00-kata-pengantar.md",
            "Kata Pengantar",
            "kata_pengantar",
            "Kata pengantar Ketua TKPK atau Bupati/Wali Kota: maksud laporan dan terima kasih kepada perangkat daerah dan BPS.",
        ),
        (
            "01-pendahuluan.md",
            "Pendahuluan",
            "pendahuluan",
            "Tuliskan latar belakang, dasar hukum (misalnya Perpres 15/2010, Permendagri 53/2020, Inpres 8/2025), maksud dan tujuan laporan.",
        ),
        (
            "02-kondisi-umum.md",
            "Kondisi Umum Daerah",
            "kondisi_umum",
            "Gambarkan wilayah, penduduk, dan perekonomian secara singkat. Angka kemiskinan tidak perlu diketik di sini: tkpk menghitung dan menuliskannya dari indikator.yaml.",
        ),
        (
            "03-profil.md",
            "Profil Kemiskinan",
            "profil",
            "Jelaskan penyebab dan sebaran kemiskinan. Tabel dan grafik indikator sudah disusun otomatis di atas uraian ini.",
        ),
        (
            "04-program.md",
            "Program dan Anggaran",
            "program",
            "Uraikan program penanggulangan kemiskinan per strategi: mengurangi beban pengeluaran, meningkatkan pendapatan, mengurangi kantong kemiskinan.",
        ),
        (
            "05-kelembagaan.md",
            "Kelembagaan TKPK",
            "kelembagaan",
            "Catat SK TKPK, rapat koordinasi, dan laporan yang telah disampaikan.",
        ),
        (
            "06-penutup.md",
            "Penutup",
            "penutup",
            "Tuliskan kesimpulan dan rekomendasi untuk tahun berikutnya.",
        ),
    ];
    out.push((
        format!("content/{region_slug}/{REPORT_YEAR}/pengesahan.yaml"),
        format!(
            "# Lembar pengesahan laporan {REPORT_YEAR}: siapa yang mengesahkan, di mana dan kapan.\n\
             # Isi di bawah ini CONTOH: ganti dengan penanda tangan yang sebenarnya, lalu hapus baris\n\
             # `ilustrasi: true`. `nip:` dan `pangkat:` hanya bagi ASN (hapus bila penanda tangan Bupati).\n\
             ilustrasi: true\n\
             tempat: {region}\n\
             tanggal: {}-03-31\n\
             jabatan: Ketua TKPK {region}\n\
             nama: NAMA PENANDA TANGAN\n\
             # pangkat: Pembina Utama Muda (IV/c)\n\
             # nip: \"19700101 199503 1 001\"\n",
            REPORT_YEAR + 1
        ),
    ));
    for (file, title, chapter, guide) in stubs {
        out.push((
            format!("content/{region_slug}/{REPORT_YEAR}/{file}"),
            format!(
                "---\njudul: {title}\nbab: {chapter}\nilustrasi: true   # hapus baris ini setelah uraian diganti dengan isi sebenarnya\n---\n\
                 *Panduan: {guide}*\n\nGanti paragraf ini dengan uraian {region}.\n"
            ),
        ));
    }
    out
}

/// Writes a new site into `dir`, which must not exist or be empty.
pub fn create(dir: &Path, region: &str, province: &str) -> Result<Vec<PathBuf>, ScaffoldError> {
    // "Jawa Timur", "jawa timur", "Provinsi Jawa Timur" and "jawa-timur" are one province.
    let wanted = slug(
        province
            .trim()
            .trim_start_matches("Provinsi ")
            .trim_start_matches("provinsi "),
    );
    let Some(province) = PROVINCES.iter().find(|(s, ..)| *s == wanted) else {
        return Err(ScaffoldError::UnknownProvince(province.to_string()));
    };
    // The folder name comes from the region's name; the build would refuse a bad one.
    let folder = slug(region);
    if !crate::model::valid_slug(&folder) || crate::model::RESERVED_SLUGS.contains(&folder.as_str())
    {
        return Err(ScaffoldError::BadRegionName(region.to_string()));
    }
    if std::fs::symlink_metadata(dir).is_ok() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
        }
    }
    // A name that is neither the example nor a kab/kota of the province is most likely
    // misspelt: refused, with the nearest names.
    if !is_example(region)
        && crate::model::official::find_kabupaten_kota(official_province(province.2), region)
            .is_none()
    {
        let names: Vec<String> =
            crate::model::official::kabupaten_kota(official_province(province.2))
                .map(|r| r.name.to_string())
                .collect();
        return Err(ScaffoldError::UnknownRegion(region.to_string(), names));
    }
    let mut written = Vec::new();
    for (rel, text) in files(region, *province) {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| ScaffoldError::Write(parent.to_path_buf(), e))?;
        }
        std::fs::write(&path, text).map_err(|e| ScaffoldError::Write(path.clone(), e))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_site_builds_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("situs");
        let written = create(&site, "Kota Contoh Baru", "jawa-tengah").unwrap();
        assert!(written.len() >= 10);
        let loaded = crate::site::load(&site);
        assert!(
            !loaded.diagnostics.has_errors(),
            "{}",
            loaded.diagnostics.render(crate::base::lang::Lang::Id)
        );
        let s = loaded.site.unwrap();
        assert_eq!(s.regions[0].slug, "kota-contoh-baru");
        assert_eq!(s.regions[0].narratives[&2025].len(), 7);
        // The required parts of a final report are there (as illustrative stubs).
        let approval = s.regions[0].annual[&2025].approval.as_ref().unwrap();
        assert!(approval.illustrative);
        let report = crate::report::report(&s, &s.regions[0], 2025);
        assert_eq!(report.missing_for_final(), Vec::new());
        assert!(
            s.regions[0].narratives[&2025]
                .iter()
                .all(|n| n.illustrative)
        );
        // Every figure is marked illustrative, with the source real figures will have.
        let march = &s.regions[0].series.march;
        assert_eq!(march.values().map(|m| m.len()).sum::<usize>(), 4);
        for figure in march.values().flat_map(|m| m.values()) {
            assert!(figure.illustrative, "{figure:?}");
            assert_eq!(figure.source, "BPS Kota Contoh Baru, Susenas Maret");
        }
    }

    #[test]
    fn refuses_a_non_empty_folder_and_an_unknown_province() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("catatan.txt"), "penting").unwrap();
        assert!(matches!(
            create(dir.path(), "Kabupaten X", "jawa-timur"),
            Err(ScaffoldError::NotEmpty(_))
        ));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("catatan.txt")).unwrap(),
            "penting"
        );
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            create(empty.path(), "Kabupaten X", "jawa-timurr"),
            Err(ScaffoldError::UnknownProvince(_))
        ));
        assert_eq!(province_slugs().len(), 38);
        for name in ["!!!", "", "Assets"] {
            assert!(
                matches!(
                    create(&empty.path().join("x"), name, "jawa-timur"),
                    Err(ScaffoldError::BadRegionName(_))
                ),
                "{name}"
            );
        }
        assert!(!empty.path().join("x").exists());
    }

    #[test]
    fn codes_come_from_the_official_list_and_a_misspelt_name_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("ponorogo");
        create(&site, "Kabupaten Ponorogo", "Jawa Timur").unwrap();
        let wilayah =
            std::fs::read_to_string(site.join("content/kabupaten-ponorogo/wilayah.yaml")).unwrap();
        assert!(wilayah.contains("kode: \"35.02\""), "{wilayah}");
        assert!(wilayah.contains("kode_bps: \"3502\""), "{wilayah}");
        match create(&dir.path().join("salah"), "Kabupaten Ponorgo", "jawa-timur") {
            Err(ScaffoldError::UnknownRegion(name, known)) => {
                assert_eq!(name, "Kabupaten Ponorgo");
                assert_eq!(known.len(), 38);
                assert_eq!(
                    crate::base::suggest::nearest(&name, known.iter().map(String::as_str)),
                    Some("Kabupaten Ponorogo".to_string())
                );
            }
            other => panic!("{other:?}"),
        }
        // The example's codes match no real kab/kota, and never the province's own.
        let example = dir.path().join("contoh");
        create(&example, EXAMPLE_REGION, "jawa-timur").unwrap();
        let wilayah =
            std::fs::read_to_string(example.join("content/kabupaten-contoh/wilayah.yaml")).unwrap();
        assert!(wilayah.contains("kode: \"35.99\"") && wilayah.contains("kode_bps: \"3599\""));
        // Papua: BPS and Kemendagri number the provinces differently; the BPS code is left to
        // the author rather than guessed.
        let mimika = dir.path().join("mimika");
        create(&mimika, "Kabupaten Mimika", "papua-tengah").unwrap();
        let wilayah =
            std::fs::read_to_string(mimika.join("content/kabupaten-mimika/wilayah.yaml")).unwrap();
        assert!(wilayah.contains("kode: \"94.04\""), "{wilayah}");
        assert!(wilayah.contains("kode_bps: \"9699\""), "{wilayah}");
    }
}
