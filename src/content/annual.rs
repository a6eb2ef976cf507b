//! The raw documents of a report year's folder (`content/<slug>/<YEAR>/`) besides the
//! narratives: programs and budgets (`program.yaml`), poverty pockets (`kantong.yaml`), basic
//! services by welfare decile (`desil.yaml`) and the TKPK's institutional records
//! (`kelembagaan.yaml`). As elsewhere, figures stay raw
//! (`RawFigure`) so that validation can say what was written and where.

use super::RawFigure;
use super::yaml::Entries;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// `content/<slug>/<YEAR>/program.yaml`: the rows of the RAT / semester-report matrix.
#[derive(Debug, Clone, Deserialize)]
pub struct RawProgramFile {
    pub sumber: String,
    #[serde(default)]
    pub ilustrasi: bool,
    /// Total regional spending (rupiah), the denominator of the tagged-spending score.
    #[serde(default)]
    pub belanja_daerah: Option<RawFigure>,
    #[serde(default)]
    pub program: Vec<Spanned<RawProgram>>,
}

/// One sub-kegiatan of the matrix, in the matrix's column order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProgram {
    pub strategi: RawFigure,
    pub opd: String,
    #[serde(default)]
    pub kode: Option<String>,
    #[serde(default)]
    pub program: Option<String>,
    #[serde(default)]
    pub kegiatan: Option<String>,
    pub sub_kegiatan: String,
    pub tagging: Spanned<String>,
    pub alokasi: RawFigure,
    #[serde(default)]
    pub sumber_dana: Option<String>,
    #[serde(default)]
    pub sifat_bantuan: Option<String>,
    #[serde(default)]
    pub lokasi: Option<String>,
    #[serde(default)]
    pub sasaran: Option<RawFigure>,
    #[serde(default)]
    pub satuan_sasaran: Option<String>,
    #[serde(default)]
    pub besaran_manfaat: Option<String>,
    #[serde(default)]
    pub jenis_bantuan: Option<String>,
    #[serde(default)]
    pub durasi: Option<String>,
    #[serde(default)]
    pub realisasi_semester_1: Option<RawFigure>,
    #[serde(default)]
    pub realisasi_semester_2: Option<RawFigure>,
    #[serde(default)]
    pub perjalanan_dinas: Option<RawFigure>,
    /// The priority problems (basic-service indicator keys) the sub-kegiatan addresses.
    #[serde(default)]
    pub masalah: Vec<Spanned<String>>,
    /// The kecamatan where it is carried out.
    #[serde(default)]
    pub kecamatan: Vec<Spanned<String>>,
}

/// `content/<slug>/<YEAR>/kantong.yaml`: poverty pockets per kecamatan.
#[derive(Debug, Clone, Deserialize)]
pub struct RawPocketFile {
    pub sumber: String,
    #[serde(default)]
    pub ilustrasi: bool,
    #[serde(default)]
    pub catatan: Option<String>,
    #[serde(default)]
    pub kecamatan: Vec<Spanned<RawDistrict>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDistrict {
    pub nama: Spanned<String>,
    /// Number of priority villages.
    #[serde(default)]
    pub jumlah_desa: Option<RawFigure>,
    /// Names of the priority villages (then their number is the length).
    #[serde(default)]
    pub desa: Option<Vec<String>>,
    /// Households by welfare decile: `{1: 1200, 2: 800}`.
    #[serde(default)]
    pub rumah_tangga: Entries<Spanned<String>, RawFigure>,
    /// Persons by welfare decile.
    #[serde(default)]
    pub jiwa: Entries<Spanned<String>, RawFigure>,
}

/// `content/<slug>/<YEAR>/desil.yaml`: basic services by welfare decile, as the social
/// register (DTSEN) aggregates them: `{air_minum_layak: {1: 58.4, 5: 80.2}}`, shares in percent.
/// `sumber` and `satuan` are optional here only so that their absence is reported with the
/// file's other problems (`model::deciles` requires both).
#[derive(Debug, Clone, Deserialize)]
pub struct RawDecileFile {
    #[serde(default)]
    pub sumber: Option<Spanned<String>>,
    #[serde(default)]
    pub ilustrasi: bool,
    /// The register the aggregates come from (`DTSEN` when absent; `P3KE`, `DTKS` for older
    /// years).
    #[serde(default)]
    pub data: Option<Spanned<String>>,
    /// What the shares are of: `rumah_tangga` or `jiwa`.
    #[serde(default)]
    pub satuan: Option<Spanned<String>>,
    #[serde(default)]
    pub catatan: Option<String>,
    /// `{KEY: {DECILE: share}}`, a basic-service indicator key and its share per decile.
    #[serde(default)]
    pub layanan: Entries<Spanned<String>, Entries<Spanned<String>, RawFigure>>,
}

/// `content/<slug>/<YEAR>/kelembagaan.yaml`: the TKPK's decrees, plans, meetings, reports and
/// targeting-data verification of the year.
#[derive(Debug, Clone, Deserialize)]
pub struct RawInstitutionFile {
    #[serde(default)]
    pub ilustrasi: bool,
    #[serde(default)]
    pub sumber: Option<String>,
    #[serde(default)]
    pub sk_tkpk: Option<RawDecree>,
    #[serde(default)]
    pub rpkd: Option<RawDecree>,
    #[serde(default)]
    pub rat: Option<RawDecree>,
    #[serde(default)]
    pub rapat: Vec<RawMeeting>,
    #[serde(default)]
    pub laporan: Vec<RawReportSent>,
    #[serde(default)]
    pub verifikasi_data: Vec<RawVerification>,
}

/// A decree or a planning document: SK TKPK, RPKD, RAT.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecree {
    pub nomor: String,
    pub tanggal: Spanned<String>,
    #[serde(default)]
    pub periode: Option<String>,
    #[serde(default)]
    pub judul: Option<String>,
    /// The scan of the signed document, under the year's `bukti/` folder.
    #[serde(default)]
    pub berkas: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    pub tanggal: Spanned<String>,
    /// `rapat koordinasi`, `FGD`, … as the TKPK calls it.
    pub jenis: String,
    pub agenda: String,
    #[serde(default)]
    pub peserta: Option<RawFigure>,
    /// The scan of its minutes (notulen), under the year's `bukti/` folder.
    #[serde(default)]
    pub berkas: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReportSent {
    /// `semester_1`, `semester_2`, `triwulan_1` … `triwulan_4`, `tahunan`.
    pub jenis: Spanned<String>,
    pub tanggal: Spanned<String>,
    pub kepada: String,
    #[serde(default)]
    pub periode: Option<String>,
    /// The scan of the report as sent, under the year's `bukti/` folder.
    #[serde(default)]
    pub berkas: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVerification {
    pub tanggal: Spanned<String>,
    /// The targeting data verified: DTSEN (since Inpres 8/2025), P3KE, DTKS.
    #[serde(default)]
    pub data: Option<String>,
    pub sebelum: RawFigure,
    pub sesudah: RawFigure,
    #[serde(default)]
    pub satuan: Option<String>,
    /// The decree that set the verified data.
    #[serde(default)]
    pub sk: Option<String>,
    /// The scan of that decree, under the year's `bukti/` folder.
    #[serde(default)]
    pub berkas: Option<Spanned<String>>,
}

/// `content/<slug>/<YEAR>/pengesahan.yaml`: the lembar pengesahan of the year's report.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApprovalFile {
    #[serde(default)]
    pub ilustrasi: bool,
    /// Where it is signed (the seat of government: `Kanigoro`).
    pub tempat: String,
    pub tanggal: Spanned<String>,
    /// The signatory's position (`Bupati Blitar`, `Ketua TKPK Kabupaten Blitar`).
    pub jabatan: String,
    pub nama: String,
    #[serde(default)]
    pub pangkat: Option<String>,
    #[serde(default)]
    pub nip: Option<Spanned<String>>,
}
