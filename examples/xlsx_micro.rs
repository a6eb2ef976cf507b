use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let (raw, _d) = tkpk::content::load(&root);
    let (site, _d2) = tkpk::model::validate(raw);
    let site = site.unwrap();
    let region = &site.regions[0];
    let tables = tkpk::downloads::pages::report_tables(&site, region, 2024);
    println!("tables {}", tables.len());
    let t = Instant::now();
    let n = 500;
    let mut bytes = 0;
    for _ in 0..n { bytes += tkpk::downloads::xlsx("x", &tables, site.config.lang).unwrap().len(); }
    println!("xlsx {:?} per workbook, {} bytes", t.elapsed() / n, bytes / n as usize);
    let t = Instant::now();
    for _ in 0..n { bytes += tkpk::downloads::json("x", &tables).len(); }
    println!("json {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n { for tb in &tables { bytes += tkpk::downloads::csv(tb, site.config.lang).len(); } }
    println!("csv {:?}", t.elapsed() / n);
}
