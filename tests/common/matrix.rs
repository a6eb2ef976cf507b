//! Program matrices as OPDs fill them in Excel, generated in the test so they can be read:
//! title rows, a two-row header (`Realisasi` merged over `Semester I | Semester II | Total`,
//! the other headings merged down both rows), a row of column numbers, the programs, and a
//! `Jumlah` row. The figures are illustrative (Kabupaten Blora, 2025).

use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

/// One cell of a matrix.
#[derive(Clone, Debug)]
pub enum M {
    T(&'static str),
    N(f64),
    E,
}

/// Which matrix: the RAT has no realisation columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Rat,
    Semester,
}

pub const HEADINGS: &[&str] = &[
    "Strategi",
    "Perangkat Daerah",
    "Kode",
    "Program",
    "Kegiatan",
    "Sub Kegiatan",
    "Tagging",
    "Alokasi (Rp)",
    "Sumber Pembiayaan",
    "Sifat Bantuan",
    "Lokasi",
    "Jumlah Sasaran",
    "Besaran Manfaat",
    "Jenis Bantuan",
    "Durasi",
];

/// Three programs, one per strategy, with the spellings planners use (`Strategi 2`, `III`,
/// `Tidak Langsung`, `Rp125.500.000`, `1.200 KPM`, `-`). 18 cells each: the 15 headings, then
/// realisation semester I, II and total (dropped for a RAT matrix).
pub fn semester_rows() -> Vec<Vec<M>> {
    use M::*;
    vec![
        vec![
            T("1"),
            T("Dinas Sosial P3A"),
            T("1.06.06.2.01.0003"),
            T("Program Perlindungan dan Jaminan Sosial"),
            T("Pengelolaan Data Fakir Miskin Cakupan Daerah"),
            T("Pendataan dan Pengelolaan Data Fakir Miskin Cakupan Daerah"),
            T("Langsung"),
            N(350_000_000.0),
            T("APBD"),
            T("Non tunai"),
            T("16 kecamatan"),
            T("1.200 KPM"),
            T("Rp200.000/KPM/bulan"),
            T("Sembako"),
            T("12 bulan"),
            N(150_000_000.0),
            N(180_000_000.0),
            N(330_000_000.0),
        ],
        vec![
            T("Strategi 2"),
            T("Dinas Pertanian"),
            T("3.27.03.2.01.0001"),
            T("Program Penyuluhan Pertanian"),
            T("Pelaksanaan Penyuluhan Pertanian"),
            T("Pengembangan Kapasitas Kelompok Tani: \"Sumber Rejeki\" # 2"),
            T("Tidak Langsung"),
            T("Rp125.500.000"),
            T("DAK"),
            E,
            E,
            E,
            E,
            E,
            E,
            T("-"),
            N(60_000_000.0),
            N(60_000_000.0),
        ],
        vec![
            T("III"),
            T("Dinas PUPR"),
            T("1.03.03.2.01.0012"),
            T("Program Kawasan Permukiman"),
            T("Penataan Kawasan Permukiman Kumuh"),
            T("Rehabilitasi Rumah Tidak Layak Huni"),
            T("Penunjang"),
            N(2_000_000_000.0),
            T("APBD"),
            T("Barang"),
            T("Desa Japah"),
            N(40.0),
            T("Rp50.000.000/rumah"),
            T("Rehabilitasi rumah"),
            T("6 bulan"),
            N(0.0),
            N(1_500_000_000.0),
            N(1_500_000_000.0),
        ],
    ]
}

/// Writes a matrix workbook with one sheet `Matriks`; data starts on row 7.
pub fn write_matrix_xlsx(path: &Path, kind: Kind, rows: &[Vec<M>]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Matriks").unwrap();
    let f = Format::new();
    let width = if kind == Kind::Semester { 18 } else { 15 };
    let title = match kind {
        Kind::Semester => {
            "MATRIKS LAPORAN SEMESTER I DAN II PELAKSANAAN PROGRAM PENANGGULANGAN KEMISKINAN"
        }
        Kind::Rat => "MATRIKS RENCANA AKSI TAHUNAN (RAT) PENANGGULANGAN KEMISKINAN",
    };
    sheet.merge_range(0, 0, 0, width - 1, title, &f).unwrap();
    sheet
        .merge_range(
            1,
            0,
            1,
            width - 1,
            "KABUPATEN BLORA TAHUN 2025 (ILUSTRASI)",
            &f,
        )
        .unwrap();
    // Rows 4 and 5 (0-based 3 and 4): the header.
    for (c, h) in HEADINGS.iter().enumerate() {
        sheet.merge_range(3, c as u16, 4, c as u16, h, &f).unwrap();
    }
    if kind == Kind::Semester {
        sheet.merge_range(3, 15, 3, 17, "Realisasi", &f).unwrap();
        for (i, h) in ["Semester I", "Semester II", "Total"].iter().enumerate() {
            sheet.write_string(4, 15 + i as u16, *h).unwrap();
        }
    }
    for c in 0..width {
        sheet.write_string(5, c, format!("({})", c + 1)).unwrap();
    }
    let mut total = 0.0;
    let mut r = 6u32;
    for row in rows {
        for (c, cell) in row.iter().take(width as usize).enumerate() {
            match cell {
                M::T(t) => {
                    sheet.write_string(r, c as u16, *t).unwrap();
                }
                M::N(n) => {
                    sheet.write_number(r, c as u16, *n).unwrap();
                    if c == 7 {
                        total += n;
                    }
                }
                M::E => {}
            }
        }
        r += 1;
    }
    sheet.write_string(r, 0, "Jumlah").unwrap();
    sheet.write_number(r, 7, total).unwrap();
    book.save(path).unwrap();
}
