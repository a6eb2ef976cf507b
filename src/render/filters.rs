//! Template filters for numbers, written in the site's language:
//! `angka(desimal=2)` → 7,57 · `rupiah` → Rp441.448 · `ribu_jiwa` → 95,91 ribu jiwa ·
//! `nilai(satuan="persen", desimal=2)` → a figure as its unit is written in a table cell ·
//! `perubahan(desimal=2)` → +0,12 / -0,59.

use crate::base::format;
use crate::base::indicators::Unit;
use crate::base::lang::Lang;
use tera::{Kwargs, State, Tera, TeraResult};

fn decimals(kwargs: &Kwargs, default: usize) -> TeraResult<usize> {
    Ok(kwargs.get::<usize>("desimal")?.unwrap_or(default).min(6))
}

fn unit_of(key: &str) -> Option<Unit> {
    Some(match key {
        "persen" => Unit::Persen,
        "ribu_jiwa" => Unit::RibuJiwa,
        "rupiah_kapita_bulan" => Unit::RupiahKapitaBulan,
        "indeks" => Unit::Indeks,
        "rasio" => Unit::Rasio,
        "tahun" => Unit::Tahun,
        _ => return None,
    })
}

/// The key a template uses for a unit (`nilai(satuan=…)`).
pub fn unit_key(unit: &Unit) -> &'static str {
    match unit {
        Unit::Persen => "persen",
        Unit::RibuJiwa => "ribu_jiwa",
        Unit::RupiahKapitaBulan => "rupiah_kapita_bulan",
        Unit::Indeks => "indeks",
        Unit::Rasio => "rasio",
        Unit::Tahun => "tahun",
    }
}

/// Registers the number filters; must run before templates are added (tera 2).
pub fn register(tera: &mut Tera, lang: Lang) {
    tera.register_filter("angka", move |x: f64, kwargs: Kwargs, _: &State| {
        Ok::<_, tera::Error>(format::number(x, decimals(&kwargs, 2)?, lang))
    });
    tera.register_filter("rupiah", move |x: f64, _: Kwargs, _: &State| {
        format::rupiah(x, lang)
    });
    tera.register_filter("ribu_jiwa", move |x: f64, _: Kwargs, _: &State| {
        format::thousand_people(x, lang)
    });
    tera.register_filter("perubahan", move |x: f64, kwargs: Kwargs, _: &State| {
        Ok::<_, tera::Error>(format::signed(x, decimals(&kwargs, 2)?, lang))
    });
    tera.register_filter("nilai", move |x: f64, kwargs: Kwargs, _: &State| {
        let unit = kwargs.get::<&str>("satuan")?.and_then(unit_of);
        let d = decimals(&kwargs, 2)?;
        Ok::<_, tera::Error>(match unit {
            Some(u) => format::cell(x, &u, d, lang),
            None => format::number(x, d, lang),
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render(template: &str, lang: Lang) -> String {
        let mut tera = Tera::default();
        register(&mut tera, lang);
        tera.add_raw_template("t", template).unwrap();
        let mut ctx = Context::new();
        ctx.insert("p0", &7.57);
        ctx.insert("gk", &441448);
        ctx.insert("miskin", &95.91);
        ctx.insert("d", &-0.59);
        tera.render("t", &ctx).unwrap()
    }

    #[test]
    fn filters_write_indonesian_numbers() {
        assert_eq!(
            render(
                "{{ p0 | angka }} {{ gk | angka(desimal=0) }} {{ gk | rupiah }} {{ miskin | ribu_jiwa }} {{ d | perubahan }} {{ gk | nilai(satuan=\"rupiah_kapita_bulan\") }}",
                Lang::Id
            ),
            "7,57 441.448 Rp441.448 95,91 ribu jiwa -0,59 Rp441.448"
        );
    }

    #[test]
    fn filters_follow_the_site_language() {
        assert_eq!(
            render("{{ p0 | angka }} {{ gk | rupiah }}", Lang::En),
            "7.57 IDR 441,448"
        );
    }
}
