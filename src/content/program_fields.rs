//! The fields of a programme in one table: the keys of a `program.yaml` row and the columns of
//! the RAT and semester-report matrices. The loader's `RawProgram`, the matrix importer, the
//! `program.yaml` writer and tkpk's own matrices all read it, so a new field is a row here plus
//! its member of `RawProgram` (a test below holds the two to each other).

/// What a field holds: how the importer reads its cell and how `program.yaml` writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text, written double-quoted so that it reads back as typed.
    Text,
    /// Rupiah, never negative.
    Money,
    /// A number of targets; a matrix cell may carry its unit (`1.200 KPM`), which goes into
    /// [`SATUAN_SASARAN`].
    Count,
    /// Poverty-reduction strategy 1, 2 or 3.
    Strategy,
    /// `langsung`, `tidak_langsung` or `penunjang`.
    Tagging,
    /// A list of names, written `["…", "…"]`; a matrix cell separates them with `;` or `,`.
    List,
}

/// Which of the matrices tkpk writes (the downloads) carry the field's column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// The RAT and the semester-report matrix.
    RatAndSemester,
    /// The semester-report matrix only: a plan has no realisation yet.
    Semester,
    /// Neither: the form has no such column (the importer still reads one an agency adds), or
    /// the field has no column of its own.
    Neither,
}

/// One field of a programme.
#[derive(Debug, PartialEq, Eq)]
pub struct ProgramField {
    /// The key in `program.yaml`.
    pub key: &'static str,
    /// The column's heading as tkpk's matrices write it, without its unit; `None` when the field
    /// has no column of its own.
    pub header: Option<&'static str>,
    /// Other headings the importer recognises, normalised (lowercase, punctuation as spaces);
    /// the header itself is always recognised.
    pub aliases: &'static [&'static str],
    /// Shown after the heading: `Alokasi (Rp)`.
    pub unit: Option<&'static str>,
    /// Whether `program.yaml` requires the key, and so an imported matrix the column.
    pub required: bool,
    pub kind: FieldKind,
    pub written: Written,
}

/// Every field, in the order of `RawProgram`, which is the order `program.yaml` is written in
/// and the matrices' columns go in.
pub(crate) const PROGRAM_FIELDS: &[ProgramField] = &[
    ProgramField {
        key: "strategi",
        header: Some("Strategi"),
        aliases: &["strategi penanggulangan kemiskinan"],
        unit: None,
        required: true,
        kind: FieldKind::Strategy,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "opd",
        header: Some("Perangkat Daerah"),
        aliases: &["opd", "skpd", "pd", "nama perangkat daerah", "nama opd"],
        unit: None,
        required: true,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "kode",
        header: Some("Kode"),
        aliases: &["kode sub kegiatan", "kode rekening", "kode subkegiatan"],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "program",
        header: Some("Program"),
        aliases: &["nama program"],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "kegiatan",
        header: Some("Kegiatan"),
        aliases: &["nama kegiatan"],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "sub_kegiatan",
        header: Some("Sub Kegiatan"),
        aliases: &["subkegiatan", "nama sub kegiatan"],
        unit: None,
        required: true,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    // Required: it weighs each allocation in the tagged-spending score of the evaluation
    // (PMK 97/2023).
    ProgramField {
        key: "tagging",
        header: Some("Tagging"),
        aliases: &["tagging kemiskinan", "tagging sub kegiatan"],
        unit: None,
        required: true,
        kind: FieldKind::Tagging,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "alokasi",
        header: Some("Alokasi"),
        aliases: &["alokasi anggaran", "anggaran", "pagu", "pagu anggaran"],
        unit: Some("Rp"),
        required: true,
        kind: FieldKind::Money,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "sumber_dana",
        header: Some("Sumber Pembiayaan"),
        aliases: &["sumber dana", "sumber anggaran"],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "sifat_bantuan",
        header: Some("Sifat Bantuan"),
        aliases: &[],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "lokasi",
        header: Some("Lokasi"),
        aliases: &["lokasi sasaran"],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "sasaran",
        header: Some("Jumlah Sasaran"),
        aliases: &["sasaran", "target sasaran"],
        unit: None,
        required: false,
        kind: FieldKind::Count,
        written: Written::RatAndSemester,
    },
    // Read from and written into the `sasaran` cell (`1.200 KPM`), so no column of its own.
    ProgramField {
        key: "satuan_sasaran",
        header: None,
        aliases: &[],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::Neither,
    },
    ProgramField {
        key: "besaran_manfaat",
        header: Some("Besaran Manfaat"),
        aliases: &[],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "jenis_bantuan",
        header: Some("Jenis Bantuan"),
        aliases: &[],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "durasi",
        header: Some("Durasi"),
        aliases: &["durasi pemberian"],
        unit: None,
        required: false,
        kind: FieldKind::Text,
        written: Written::RatAndSemester,
    },
    ProgramField {
        key: "realisasi_semester_1",
        header: Some("Realisasi Semester I"),
        aliases: &[
            "realisasi semester 1",
            "semester i",
            "semester 1",
            "realisasi sem i",
        ],
        unit: Some("Rp"),
        required: false,
        kind: FieldKind::Money,
        written: Written::Semester,
    },
    ProgramField {
        key: "realisasi_semester_2",
        header: Some("Realisasi Semester II"),
        aliases: &[
            "realisasi semester 2",
            "semester ii",
            "semester 2",
            "realisasi sem ii",
        ],
        unit: Some("Rp"),
        required: false,
        kind: FieldKind::Money,
        written: Written::Semester,
    },
    // Part of the allocation, excluded from the tagged-spending score; not on the submitted
    // form, so tkpk's matrices leave it out.
    ProgramField {
        key: "perjalanan_dinas",
        header: Some("Perjalanan Dinas"),
        aliases: &["belanja perjalanan dinas"],
        unit: Some("Rp"),
        required: false,
        kind: FieldKind::Money,
        written: Written::Neither,
    },
    // What the sub-kegiatan aims at (the SEPAKAT step from problems to interventions): not on
    // the submitted forms, read from a column an agency adds.
    ProgramField {
        key: "masalah",
        header: Some("Masalah Prioritas"),
        aliases: &["masalah", "prioritas masalah", "masalah yang ditangani"],
        unit: None,
        required: false,
        kind: FieldKind::List,
        written: Written::Neither,
    },
    ProgramField {
        key: "kecamatan",
        header: Some("Kecamatan"),
        aliases: &["lokasi kecamatan", "kecamatan sasaran"],
        unit: None,
        required: false,
        kind: FieldKind::List,
        written: Written::Neither,
    },
];

// The fields code singles out, found when compiling: a key missing from the table fails the
// build rather than a run.
pub(crate) const SUB_KEGIATAN: &ProgramField = field("sub_kegiatan");
pub(crate) const ALOKASI: &ProgramField = field("alokasi");
pub(crate) const SATUAN_SASARAN: &ProgramField = field("satuan_sasaran");
pub(crate) const PERJALANAN_DINAS: &ProgramField = field("perjalanan_dinas");
pub(crate) const MASALAH: &ProgramField = field("masalah");
pub(crate) const KECAMATAN: &ProgramField = field("kecamatan");

/// The field of `key`; panics (at compile time in a `const`) if there is none.
pub(crate) const fn field(key: &str) -> &'static ProgramField {
    let mut i = 0;
    while i < PROGRAM_FIELDS.len() {
        if same(PROGRAM_FIELDS[i].key, key) {
            return &PROGRAM_FIELDS[i];
        }
        i += 1;
    }
    panic!("no programme field has this key");
}

/// `a == b`, which is not yet callable in a `const fn`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl ProgramField {
    /// The column as a message names it in running text: the heading in lower case, numerals
    /// and acronyms kept (`realisasi semester I`); the key for a field without a column.
    pub fn name(&self) -> String {
        let Some(header) = self.header else {
            return self.key.to_string();
        };
        header
            .split(' ')
            .map(|word| {
                if word.chars().all(|c| c.is_uppercase()) {
                    word.to_string()
                } else {
                    word.to_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::annual::RawProgram;
    use crate::content::yaml::field_names;

    /// A value the loader accepts for a field of this kind.
    fn sample(kind: FieldKind) -> &'static str {
        match kind {
            FieldKind::Text => "\"x\"",
            FieldKind::Money | FieldKind::Count => "1",
            FieldKind::Strategy => "1",
            FieldKind::Tagging => "langsung",
            FieldKind::List => "[\"x\"]",
        }
    }

    fn mapping<'a>(fields: impl IntoIterator<Item = &'a ProgramField>) -> String {
        fields
            .into_iter()
            .map(|f| format!("{}: {}\n", f.key, sample(f.kind)))
            .collect()
    }

    fn loads(yaml: &str) -> Result<RawProgram, String> {
        serde_saphyr::from_str::<RawProgram>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn the_table_has_the_raw_types_fields_in_order() {
        let keys: Vec<&str> = PROGRAM_FIELDS.iter().map(|f| f.key).collect();
        assert_eq!(keys, field_names::<RawProgram>());
    }

    #[test]
    fn the_loader_requires_exactly_the_required_fields_and_nothing_else() {
        // Every field, then the required ones alone, load; a key not in the table does not.
        loads(&mapping(PROGRAM_FIELDS)).unwrap();
        let required = || PROGRAM_FIELDS.iter().filter(|f| f.required);
        loads(&mapping(required())).unwrap();
        let extra = mapping(PROGRAM_FIELDS) + "bukan_kolom: \"x\"\n";
        assert!(loads(&extra).unwrap_err().contains("bukan_kolom"));
        for missing in required() {
            let without = mapping(required().filter(|f| f.key != missing.key));
            let err = loads(&without).expect_err(missing.key);
            assert!(err.contains(missing.key), "{}: {err}", missing.key);
        }
    }

    #[test]
    fn keys_are_unique_and_every_written_column_has_a_header() {
        for (i, f) in PROGRAM_FIELDS.iter().enumerate() {
            assert!(
                PROGRAM_FIELDS[..i].iter().all(|g| g.key != f.key),
                "{}",
                f.key
            );
            if f.written != Written::Neither || !f.aliases.is_empty() || f.unit.is_some() {
                assert!(f.header.is_some(), "{}", f.key);
            }
        }
    }

    #[test]
    fn names_in_messages() {
        assert_eq!(field("opd").name(), "perangkat daerah");
        assert_eq!(
            field("realisasi_semester_2").name(),
            "realisasi semester II"
        );
        assert_eq!(SATUAN_SASARAN.name(), "satuan_sasaran");
    }
}
