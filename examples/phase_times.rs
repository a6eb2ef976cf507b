use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    for _ in 0..3 {
        let t = Instant::now();
        let (raw, _d) = tkpk::content::load(&root);
        let t1 = t.elapsed();
        let (site, _d2) = tkpk::model::validate(raw);
        let t2 = t.elapsed();
        let site = site.unwrap();
        let files = tkpk::site::render_files(&root, &site).unwrap();
        let t3 = t.elapsed();
        println!("load {:?} validate {:?} render {:?} files {}", t1, t2 - t1, t3 - t2, files.len());
    }
}
