//! The words of the pages themselves (headings, column names, links), in both languages.
//! Templates read them as `site.teks.KEY`, Rust as fields of [`PageWords`].

pub(crate) mod deciles;
pub(crate) mod findings;
pub(crate) mod sentences;
pub(crate) mod sheet;
pub(crate) mod targeting;

use crate::base::lang::Lang;
use serde::Serialize;

/// Declares [`PageWords`] and its two languages from one list, so that a word missing in
/// one language, or written twice, does not compile.
macro_rules! page_words {
    ($($key:ident: $id:literal / $en:literal,)*) => {
        /// The words of the pages, one field each. Templates read them as `site.teks.KEY`;
        /// Rust reads `words::strings(lang).KEY`, checked when it compiles.
        #[derive(Debug, Serialize)]
        pub struct PageWords {
            $(pub $key: &'static str,)*
        }

        static ID: PageWords = PageWords { $($key: $id,)* };
        static EN: PageWords = PageWords { $($key: $en,)* };

        #[cfg(test)]
        const ALL: &[(&str, &str, &str)] = &[$((stringify!($key), $id, $en),)*];
    };
}

page_words! {
    beranda: "Beranda" / "Home",
    daftar_isi: "Daftar Isi" / "Contents",
    daftar_gambar: "Daftar Gambar" / "List of Figures",
    daftar_tabel: "Daftar Tabel" / "List of Tables",
    daftar_singkatan: "Daftar Singkatan" / "Abbreviations",
    singkatan: "Singkatan" / "Abbreviation",
    kepanjangan: "Kepanjangan" / "Meaning",
    tabel: "Tabel" / "Table",
    gambar: "Gambar" / "Figure",
    bab: "BAB" / "CHAPTER",
    judul_lp2kd: "Laporan Pelaksanaan Penanggulangan Kemiskinan Daerah (LP2KD)" / "Regional Poverty Reduction Implementation Report (LP2KD)",
    tim_koordinasi: "Tim Koordinasi Penanggulangan Kemiskinan (TKPK)" / "Poverty Reduction Coordination Team (TKPK)",
    lambang: "Lambang" / "Emblem of",
    lembar_pengesahan: "Lembar Pengesahan" / "Approval Sheet",
    disahkan_di: "Disahkan di" / "Approved at",
    pada_tanggal: "pada tanggal" / "on",
    nip: "NIP" / "NIP",
    pengesahan_belum: "Lembar pengesahan belum diisi: tulis tempat, tanggal, jabatan dan nama penanda tangan dalam berkas" / "The approval sheet is not filled in: write the place, date, position and name of the signatory in the file",
    belum_diisi: "Belum diisi: tulis uraian bab ini dalam berkas markdown di" / "Not written yet: write this chapter in a markdown file in",
    dengan_baris: "dengan baris" / "with the line",
    di_bagian_depan: "di bagian depannya" / "in its front matter",
    bab_kosong: "Bab ini belum memuat uraian untuk tahun" / "This chapter has no text yet for",
    uraian_lampiran: "Rincian sub-kegiatan beserta realisasi semesternya disajikan pada" / "The sub-activities with their semester realisation are given in",
    wilayah: "Wilayah" / "Region",
    provinsi: "Provinsi" / "Province",
    tahun: "Tahun" / "Year",
    indikator: "Indikator" / "Indicator",
    nilai: "Nilai" / "Value",
    satuan: "Satuan" / "Unit",
    sumber: "Sumber" / "Source",
    perubahan: "Perubahan" / "Change",
    sebelumnya: "Sebelumnya" / "Previous",
    perubahan_p0: "Perubahan P0" / "Change in P0",
    poin: "poin" / "points",
    skor: "skor" / "score",
    skor_dinormalisasi: "skor dinormalisasi (tertinggi = 100)" / "normalised score (best = 100)",
    satuan_jumlah: "jumlah" / "count",
    jarak_target: "Jarak ke target" / "Gap to target",
    capaian: "capaian" / "attainment",
    tercapai: "tercapai" / "reached",
    angka_lama: "Angka lama" / "Old figures",
    angka_lama_awal: "Angka terakhir grafik ini dari tahun" / "The latest figure of this chart is from",
    angka_lama_akhir: "tahun sebelum tahun laporan" / "years before the report year",
    skor_kolom: "Skor" / "Score",
    skor_komponen: "Skor komponen" / "Component score",
    skor_total: "Skor total" / "Total score",
    bobot_ukuran: "bobot dalam komponen" / "weight in its component",
    bobot_ukuran_kolom: "Bobot ukuran" / "Measure weight",
    aturan_skor: "Aturan skor" / "Scoring rule",
    aturan_ilustrasi: "Sebagian aturan skor di lembar ini adalah ilustrasi, bukan aturan resmi: skor yang dihitung dengannya hanya contoh." / "Some scoring rules on this sheet are illustrative, not official: the scores they give are examples only.",
    belum_tercapai: "belum tercapai" / "not reached",
    terhadap: "Terhadap" / "Against",
    angka_maret_pendek: "Maret" / "March",
    analisis: "Analisis" / "Analysis",
    data_grafik: "Angka grafik" / "Chart figures",
    halaman: "Halaman" / "Page",
    urutan_p0: "Urutan kabupaten/kota menurut P0" / "Regencies and cities ranked by P0",
    relevan: "Relevan" / "Relevant",
    efektif: "Efektif" / "Effective",
    kuadran: "Kuadran" / "Quadrant",
    ya: "ya" / "yes",
    tidak: "tidak" / "no",
    catatan_relevansi: "Relevan: perubahan P0 searah dengan perubahan provinsi atau lebih baik. Efektif: P0 membaik dari angka sebelumnya. Kuadran I: di bawah provinsi dan perubahan lebih baik; II: di atas, perubahan lebih baik; III: di atas, perubahan tidak lebih baik; IV: di bawah, perubahan tidak lebih baik." / "Relevant: the P0 change runs with the province's or better. Effective: P0 improved on its previous figure. Quadrant I: below the province with a better change; II: above, better change; III: above, no better change; IV: below, no better change.",
    tanpa_angka_tahun: "Belum ada angka P0 tahun" / "No P0 figure yet for",
    semua_provinsi: "Provinsi" / "Provinces",
    dibanding: "dibandingkan dengan" / "against",
    perubahan_relatif: "Perubahan relatif" / "Relative change",
    membaik: "membaik" / "improved",
    memburuk: "memburuk" / "worsened",
    tetap: "tetap" / "unchanged",
    p0_terakhir: "P0 terakhir" / "Latest P0",
    laporan: "Laporan" / "Report",
    laporan_tahunan: "Laporan Penanggulangan Kemiskinan" / "Poverty Reduction Report",
    laporan_per_tahun: "Laporan tahunan" / "Annual reports",
    narasi: "narasi" / "narratives",
    tanpa_narasi: "tanpa narasi" / "no narrative",
    ringkasan_wilayah: "Ringkasan wilayah" / "Region overview",
    indikator_lintas_tahun: "Indikator lintas tahun" / "Indicators across the years",
    kode_kemendagri: "Kode Kemendagri" / "Kemendagri code",
    kode_bps: "Kode BPS" / "BPS code",
    ibu_kota: "Ibu kota" / "Capital",
    ketua_tkpk: "Ketua TKPK" / "TKPK chair",
    sekretariat_tkpk: "Sekretariat TKPK" / "TKPK secretariat",
    target_rpjmd: "Target RPJMD" / "RPJMD targets",
    target: "Target" / "Target",
    indikator_utama: "Indikator utama" / "Key indicators",
    draf: "DRAF" / "DRAFT",
    draf_catatan: "Halaman ini draf: belum diterbitkan, dan memuat catatan penulis (berkas dan kunci yang perlu diisi)." / "This page is a draft: not published, and it carries the author's notes (files and keys to fill in).",
    dan: "dan" / "and",
    sumber_lain: "sumber lain" / "more sources",
    sekilas: "Sekilas" / "At a glance",
    semua_wilayah: "Semua kabupaten/kota" / "Every regency and city",
    saring: "Saring menurut nama wilayah atau provinsi:" / "Filter by region or province name:",
    urutkan: "Klik judul kolom untuk mengurutkan." / "Click a column heading to sort.",
    jumlah_miskin: "Jumlah penduduk miskin" / "Number of poor people",
    ribu_jiwa: "ribu jiwa" / "thousand people",
    persen: "persen" / "percent",
    geser_tabel: "Geser ke samping untuk melihat semua kolom" / "Scroll sideways to see every column",
    tabel_narasi: "Tabel dalam uraian" / "Table in the text",
    tabel_indikator: "Indikator kemiskinan dan pembangunan" / "Poverty and development indicators",
    pembanding: "Perbandingan dengan provinsi dan nasional pada tahun yang sama" / "Comparison with the province and the nation in the same year",
    tahun_sebelumnya: "Tahun sebelumnya" / "Previous year",
    tahun_berikutnya: "Tahun berikutnya" / "Next year",
    ilustrasi: "ilustrasi" / "illustrative",
    layanan_dasar: "Layanan dasar dibanding provinsi dan nasional" / "Basic services against the province and the nation",
    prioritas: "Prioritas" / "Priority",
    masalah_prioritas: "masalah prioritas" / "priority problem",
    masalah_layanan: "Masalah (layanan dasar)" / "Problem (basic service)",
    kecamatan_lokasi: "kecamatan lokasi" / "kecamatan where carried out",
    kantong_kemiskinan: "Kantong kemiskinan" / "Poverty pocket",
    tanpa_program: "belum disasar" / "not aimed at",
    sub_yang_menyasar: "Sub-kegiatan yang menyasar" / "Sub-activities aimed at it",
    alasan_prioritas: "Alasan urutan (penulis)" / "Reason for the order (author)",
    selisih_provinsi: "Selisih dengan provinsi (poin)" / "Gap to the province (points)",
    layanan_desil: "Layanan dasar menurut desil kesejahteraan" / "Basic services by welfare decile",
    desil: "Desil" / "Decile",
    terendah: "terendah" / "lowest",
    tertinggi: "tertinggi" / "highest",
    menurut_desil: "menurut desil" / "by decile",
    persen_rumah_tangga: "Persen rumah tangga" / "Percent of households",
    persen_jiwa: "Persen jiwa" / "Percent of people",
    selisih_desil: "Selisih desil terendah dan tertinggi (poin)" / "Gap, lowest to highest decile (points)",
    susenas_wilayah: "Angka Susenas wilayah" / "Region's Susenas figure",
    ilustrasi_angka: "Angka ilustrasi (contoh), bukan angka resmi" / "Illustrative (example) figure, not an official figure",
    angka_ilustrasi_catatan: "Sebagian angka laporan ini adalah ilustrasi (contoh), bukan angka resmi: angka itu bertanda \"ilustrasi\", dan kalimat serta analisis yang memakainya hanya contoh." / "Some figures of this report are illustrative (examples), not official: they are marked \"illustrative\", and the sentences and analyses that use them are examples only.",
    ilustrasi_catatan: "Isi bagian ini adalah ilustrasi, bukan data resmi." / "This section is illustrative, not official data.",
    uraian_lain: "Uraian Lain" / "Further Notes",
    tidak_ada_data: "Belum ada angka." / "No figures yet.",
    tahun_laporan: "Tahun laporan" / "Report year",
    jumlah_wilayah: "kabupaten/kota" / "regencies and cities",
    dibuat_dengan: "Dibuat dengan" / "Made with",
    angka_maret: "Angka Maret (Susenas) kecuali disebut lain." / "March (Susenas) figures unless stated otherwise.",
    catatan_data: "Sumber setiap angka tertulis di bawah tabel dan grafiknya; angka yang bukan angka resmi ditandai ilustrasi." / "Every figure's source is written under its table or chart; figures that are not official are marked illustrative.",
    berkas: "berkas" / "file",
    sk_tkpk: "SK TKPK" / "TKPK decree (SK TKPK)",
    rpkd: "RPKD" / "Poverty-reduction plan (RPKD)",
    rat: "RAT" / "Annual action plan (RAT)",
    ringkasan_anggaran: "Ringkasan anggaran" / "Budget summary",
    strategi: "Strategi" / "Strategy",
    tagging: "Tagging" / "Tagging",
    opd: "Perangkat daerah" / "Agency",
    sumber_dana: "Sumber dana" / "Source of funds",
    jumlah_sub: "Sub-kegiatan" / "Sub-activities",
    alokasi: "Alokasi" / "Allocation",
    realisasi: "Realisasi" / "Realisation",
    semester_1: "Semester I" / "Semester I",
    semester_2: "Semester II" / "Semester II",
    rincian_program: "Rincian sub-kegiatan" / "Sub-activities in detail",
    kode: "Kode" / "Code",
    program: "Program" / "Programme",
    sub_kegiatan: "Sub-kegiatan" / "Sub-activity",
    sasaran: "Sasaran" / "Beneficiaries",
    jumlah: "Jumlah" / "Total",
    belanja_daerah: "Total belanja daerah" / "Total regional spending",
    porsi_belanja: "porsi terhadap belanja daerah" / "share of regional spending",
    kecamatan: "Kecamatan" / "District",
    desil_1: "Desil 1" / "Decile 1",
    desa_prioritas: "Desa prioritas" / "Priority villages",
    nama_desa: "Nama desa" / "Village names",
    rumah_tangga: "Rumah tangga" / "Households",
    jiwa: "Jiwa" / "Persons",
    tahun_pemetaan: "Data pemetaan tahun" / "Mapping of",
    dokumen: "Dokumen" / "Document",
    nomor: "Nomor" / "Number",
    tanggal: "Tanggal" / "Date",
    periode: "Periode" / "Period",
    judul: "Judul" / "Title",
    rapat: "Rapat dan FGD" / "Meetings and FGDs",
    jenis: "Jenis" / "Kind",
    agenda: "Agenda" / "Agenda",
    peserta: "Peserta" / "Participants",
    laporan_terkirim: "Laporan yang dikirim" / "Reports sent",
    kepada: "Kepada" / "To",
    verifikasi: "Verifikasi data sasaran" / "Targeting-data verification",
    data_sasaran: "Data" / "Data",
    sebelum: "Sebelum" / "Before",
    sesudah: "Sesudah" / "After",
    selisih: "Selisih" / "Difference",
    sk: "SK" / "Decree",
    lembar_penilaian: "Lembar penilaian kinerja" / "Evaluation sheet",
    deret_waktu: "Deret waktu indikator" / "Indicator time series",
    kunci: "Kunci" / "Key",
    semua_tabel: "Semua tabel" / "All tables",
    matriks_rat: "Matriks Rencana Aksi Tahunan (RAT)" / "Annual action plan (RAT) matrix",
    matriks_semester: "Matriks laporan pelaksanaan semester" / "Semester implementation report matrix",
    status: "Status" / "Status",
    yang_kurang: "Yang belum ada" / "What is missing",
    unduh_tabel: "Satu tabel per berkas (CSV)" / "One table per file (CSV)",
    unduh_keterangan: "Angka lengkap tanpa pembulatan, dengan satuan dan sumber." / "Full-precision figures, with units and sources.",
    unduh_matriks: "Matriks untuk dikirim" / "Matrices to submit",
    unduh: "Unduh data" / "Download data",
    skema: "Skema" / "Scheme",
    dasar: "Dasar" / "Basis",
    komponen: "Komponen" / "Component",
    bobot: "Bobot" / "Weight",
    ukuran: "Ukuran" / "Measure",
    rumus: "Rumus" / "Formula",
    hasil: "Hasil" / "Result",
    bukti: "Bukti" / "Evidence",
    ada: "ada" / "present",
    belum_ada: "belum ada" / "missing",
    daftar_bukti: "Daftar periksa bukti" / "Evidence checklist",
    tempat_isi: "Isi di" / "Fill in",
    skema_lama: "Belum ada skema untuk tahun ini; dipakai skema tahun" / "There is no scheme for this year yet; applying the scheme of",
    tidak_dinilai: "tidak dihitung: " / "not computed: ",
    cari: "Cari" / "Search",
    cari_petunjuk: "Cari wilayah atau laporan" / "Search regions or reports",
    cari_hasil: "Hasil" / "Results",
    cari_dari: "dari" / "of",
    cari_tidak_ada: "Tidak ada hasil" / "No results",
    skema_situs: "ditetapkan di site.yaml" / "set in site.yaml",
    skema_bawaan: "skema bawaan tkpk" / "tkpk's built-in scheme",
}

/// "Rumah tangga …" → "rumah tangga …" inside a sentence; abbreviations (APS) stay.
pub(crate) fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `a`, `a dan b`, `a, b dan c` (`and` in English).
pub(crate) fn listed(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Id => " dan ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

pub(crate) fn strings(lang: Lang) -> &'static PageWords {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_written_in_both_languages() {
        for (key, id, en) in ALL {
            assert!(
                !id.is_empty() && !en.is_empty(),
                "{key} is empty in one language"
            );
        }
        assert!(ALL.len() > 100, "{}", ALL.len());
    }

    #[test]
    fn names_are_listed_the_indonesian_way() {
        let names = |n: usize| (1..=n).map(|i| format!("K{i}")).collect::<Vec<_>>();
        assert_eq!(listed(&names(1), Lang::Id), "K1");
        assert_eq!(listed(&names(3), Lang::Id), "K1, K2 dan K3");
        assert_eq!(listed(&names(2), Lang::En), "K1 and K2");
        assert_eq!(lower_first("Rumah tangga (APS)"), "rumah tangga (APS)");
    }
}
