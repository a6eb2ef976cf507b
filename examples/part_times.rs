use std::time::Instant;
fn main() {
    let root = std::path::PathBuf::from(std::env::args().nth(1).unwrap());
    let old = tkpk::site::load(&root).site.unwrap();
    let changed: std::collections::BTreeSet<std::path::PathBuf> = [std::path::PathBuf::from(
        "content/kabupaten-contoh-1/2025/01-profil.md",
    )]
    .into();
    for _ in 0..3 {
        let t = Instant::now();
        let new = tkpk::site::load(&root).site.unwrap();
        let t1 = t.elapsed();
        let part = tkpk::render::Part::after(&old, &new, &changed).unwrap();
        let t2 = t.elapsed();
        let theme = tkpk::render::Theme::load(&root, &new.config.theme, new.config.lang)
            .ok()
            .unwrap();
        let t3 = t.elapsed();
        let files = tkpk::render::render_part(&new, &theme, &part).unwrap();
        let t4 = t.elapsed();
        let idx = tkpk::render::search::index_file(&new);
        let t5 = t.elapsed();
        drop(new);
        let t6 = t.elapsed();
        println!(
            "load {:?} part {:?} theme {:?} render {:?} ({} files) search {:?} ({}) drop {:?}",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            files.len(),
            t5 - t4,
            idx.bytes.len(),
            t6 - t5
        );
    }
}
