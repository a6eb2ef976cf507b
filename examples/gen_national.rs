//! A synthetic national site in tkpk's content format, for benchmarks and scale tests.
//! Deterministic: the same arguments give the same files. Every figure is illustrative and
//! every page says so (sources, site description, narratives marked `ilustrasi`).
//!
//!     cargo run --release --example gen_national -- --wilayah 514 --tahun 10 OUT
//!
//! OUT must not exist or be empty, or hold a previous run of this generator (it carries the
//! marker file `.gen_national`); nothing else is ever removed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const MARKER: &str = ".gen_national";
const LAST_YEAR: i32 = 2025;
const SOURCE: &str = "ILUSTRASI (angka buatan gen_national, bukan angka BPS)";

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [lo, hi).
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (self.next() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo)
    }
}

use tkpk::scaffold::PROVINCES;

struct YearFigures {
    p0: f64,
    poor: f64,
    population: f64,
    line: f64,
    p1: f64,
    p2: f64,
    ipm: f64,
    tpt: f64,
}

struct Regency {
    slug: String,
    name: String,
    kind: &'static str,
    province: usize,
    number: u32,
    years: Vec<(i32, YearFigures)>,
    target: f64,
}

fn regency(index: usize, count: usize, years: usize, rng: &mut Rng) -> Regency {
    let province = index * PROVINCES.len() / count;
    let number = (index - (province * count).div_ceil(PROVINCES.len())) as u32 + 1;
    let kota = rng.range(0.0, 1.0) < 0.2;
    let (kind, prefix) = if kota {
        ("kota", "Kota")
    } else {
        ("kabupaten", "Kabupaten")
    };
    let name = format!("{prefix} Contoh {}", index + 1);
    let mut p0 = rng.range(4.0, 24.0);
    let mut population = rng.range(150.0, 2500.0);
    let mut line = rng.range(350_000.0, 520_000.0);
    let mut tpt = rng.range(2.0, 8.0);
    let mut out = Vec::with_capacity(years);
    for k in 0..years {
        let year = LAST_YEAR - (years - 1 - k) as i32;
        let p1 = p0 * rng.range(0.12, 0.2);
        let p2 = p1 * rng.range(0.2, 0.35);
        out.push((
            year,
            YearFigures {
                p0,
                poor: population * p0 / 100.0,
                population,
                line,
                p1,
                p2,
                ipm: 60.0 + (24.0 - p0) * 0.6 + rng.range(0.0, 3.0),
                tpt,
            },
        ));
        p0 = (p0 + rng.range(-0.9, 0.35)).clamp(1.0, 40.0);
        population *= rng.range(1.003, 1.015);
        line *= rng.range(1.03, 1.07);
        tpt = (tpt + rng.range(-0.6, 0.6)).clamp(1.0, 12.0);
    }
    let target = (p0 - rng.range(0.3, 1.5)).max(1.0);
    Regency {
        slug: name.to_lowercase().replace(' ', "-"),
        name,
        kind,
        province,
        number,
        years: out,
        target,
    }
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn narrative(r: &Regency, year: i32, f: &YearFigures, rng: &mut Rng) -> String {
    let mut s = format!(
        "---\njudul: Uraian Profil Kemiskinan {year}\nbab: profil\nilustrasi: true\n---\n\
         Uraian ini **ilustrasi** untuk pengujian skala nasional. Pada {year} tingkat kemiskinan \
         {} tercatat {:.2} persen dari sekitar {:.0} ribu penduduk.\n\n",
        r.name, f.p0, f.population
    );
    let sentences = [
        "Program perlindungan sosial menjangkau rumah tangga pada desil terbawah.",
        "Pemutakhiran data sasaran dilakukan bersama pemerintah desa.",
        "Pemberdayaan ekonomi difokuskan pada usaha mikro dan pertanian.",
        "Kantong kemiskinan terkonsentrasi di kecamatan yang jauh dari pusat kota.",
        "Koordinasi lintas perangkat daerah dilakukan melalui rapat TKPK berkala.",
    ];
    for _ in 0..6 {
        let i = (rng.next() % sentences.len() as u64) as usize;
        s.push_str(sentences[i]);
        s.push(' ');
    }
    s.push_str("\n\n| Uraian | Nilai |\n|---|--:|\n");
    let _ = writeln!(s, "| P0 (%) | {:.2} |", f.p0);
    let _ = writeln!(s, "| Jumlah penduduk miskin (ribu) | {:.2} |", f.poor);
    s
}

fn prepare(out: &Path) {
    match std::fs::read_dir(out) {
        Err(_) => {}
        Ok(mut entries) => {
            if entries.next().is_some() {
                if !out.join(MARKER).is_file() {
                    eprintln!(
                        "{} is not empty and was not written by gen_national; refusing",
                        out.display()
                    );
                    std::process::exit(1);
                }
                for sub in ["content", "site.yaml"] {
                    let p = out.join(sub);
                    if p.is_dir() {
                        std::fs::remove_dir_all(&p).unwrap();
                    } else if p.is_file() {
                        std::fs::remove_file(&p).unwrap();
                    }
                }
            }
        }
    }
    write(
        &out.join(MARKER),
        "written by tkpk's gen_national example\n",
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut count = 514usize;
    let mut years = 10usize;
    let mut out: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--wilayah" => count = args.next().and_then(|v| v.parse().ok()).unwrap_or(count),
            "--tahun" => years = args.next().and_then(|v| v.parse().ok()).unwrap_or(years),
            other => out = Some(PathBuf::from(other)),
        }
    }
    let Some(out) = out else {
        eprintln!("usage: gen_national [--wilayah N] [--tahun Y] OUT");
        std::process::exit(2);
    };
    let (count, years, provinces) = generate(&out, count, years);
    eprintln!(
        "gen_national: {count} wilayah x {years} tahun, {provinces} provinsi, ditulis ke {}",
        out.display()
    );
}

/// Writes the site into `out`; returns the regions, years and provinces written.
pub fn generate(out: &Path, count: usize, years: usize) -> (usize, usize, usize) {
    let count = count.clamp(1, 99 * PROVINCES.len());
    let years = years.clamp(1, 60);
    prepare(out);
    let mut rng = Rng(0x746B_706B);
    let regencies: Vec<Regency> = (0..count)
        .map(|i| regency(i, count, years, &mut rng))
        .collect();
    write(
        &out.join("site.yaml"),
        &format!(
            "judul: Situs Nasional Contoh (ilustrasi)\n\
             deskripsi: Semua angka di situs ini ILUSTRASI buatan gen_national untuk uji skala, bukan angka BPS.\n\
             bahasa: id\ntahun_laporan: {LAST_YEAR}\n"
        ),
    );
    // References: population-weighted figures of the generated regencies.
    let mut groups: Vec<(String, String, &str, String, Vec<&Regency>)> = vec![(
        "indonesia".into(),
        "Indonesia (ilustrasi)".into(),
        "nasional",
        "00".into(),
        regencies.iter().collect(),
    )];
    for (i, (slug, name, code)) in PROVINCES.iter().enumerate() {
        let members: Vec<&Regency> = regencies.iter().filter(|r| r.province == i).collect();
        if !members.is_empty() {
            groups.push((
                slug.to_string(),
                name.to_string(),
                "provinsi",
                code.to_string(),
                members,
            ));
        }
    }
    for (slug, name, level, code, members) in &groups {
        let mut text =
            format!("nama: {name}\ntingkat: {level}\nkode: \"{code}\"\nsumber: {SOURCE}\ndata:\n");
        for k in 0..years {
            let year = members[0].years[k].0;
            let population: f64 = members.iter().map(|r| r.years[k].1.population).sum();
            let poor: f64 = members.iter().map(|r| r.years[k].1.poor).sum();
            let _ = writeln!(
                text,
                "  {year}: {{p0: {:.2}, jumlah_penduduk_miskin: {:.2}}}",
                100.0 * poor / population,
                poor
            );
        }
        write(&out.join(format!("content/referensi/{slug}.yaml")), &text);
    }
    for r in &regencies {
        let (pslug, _, pcode) = PROVINCES[r.province];
        let dir = out.join("content").join(&r.slug);
        write(
            &dir.join("wilayah.yaml"),
            &format!(
                "nama: {}\njenis: {}\nkode: \"{pcode}.{:02}\"\nkode_bps: \"{pcode}{:02}\"\nprovinsi: {pslug}\n\
                 tkpk:\n  ketua: Wakil Kepala Daerah (ilustrasi)\n  sekretariat: Bappeda {}\n",
                r.name, r.kind, r.number, r.number, r.name
            ),
        );
        let mut text = format!("sumber: {SOURCE}\ndata:\n");
        for (year, f) in &r.years {
            let _ = writeln!(
                text,
                "  {year}: {{p0: {:.2}, jumlah_penduduk_miskin: {:.2}, garis_kemiskinan: {:.0}, p1: {:.2}, p2: {:.2}, ipm: {:.2}, tpt: {:.2}}}",
                f.p0, f.poor, f.line, f.p1, f.p2, f.ipm, f.tpt
            );
        }
        let _ = write!(
            text,
            "target:\n  p0: {{{}: {:.2}}}\nsumber_target: RPJMD (ilustrasi)\n",
            LAST_YEAR + 1,
            r.target
        );
        write(&dir.join("indikator.yaml"), &text);
        for (year, f) in &r.years {
            write(
                &dir.join(format!("{year}/01-profil.md")),
                &narrative(r, *year, f, &mut rng),
            );
        }
    }
    (count, years, groups.len() - 1)
}
