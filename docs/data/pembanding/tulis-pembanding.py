"""Writes a province's `pembanding:` list (YAML, one line per kab/kota) from a research CSV.

    python3 tulis-pembanding.py jawa-timur.csv >> ../../../content/referensi/jawa-timur.yaml

Only P0 and the number of poor; the sample site's own regions are left out.
"""
import csv,re,collections,sys
SITE={'Kabupaten Blitar','Kota Kediri','Kabupaten Blora'}
JATENG='BPS Provinsi Jawa Tengah, tabel "Kemiskinan Menurut Kabupaten/Kota di Provinsi Jawa Tengah" (salinan CSV github.com/SYFDNNN/Kemiskinan-Jawa-Tengah-2020-2025, data/processed/kemiskinan_jateng_2020_2025.csv, diakses 8 Sep 2026)'
def source(s):
    if 'github:SYFDNNN' in s: return JATENG
    s=s.split(' | ')[0]
    m=re.match(r'(\S+) \((.*)\)$',s)
    url,title=m.group(1),m.group(2)
    return f'{title}, {url}'
def q(s): return '"'+s.replace('\\','\\\\').replace('"','\\"')+'"'
def fmt(v):
    return v
out=[]
f=sys.argv[1]
rows=collections.OrderedDict()
for r in csv.DictReader(open(f)):
    if r['indicator'] not in ('p0','jumlah_penduduk_miskin'): continue
    if r['region'] in SITE: continue
    e=rows.setdefault((r['bps_code'],r['region']),{})
    e[(int(r['year']),r['indicator'])]=(r['value'],source(r['source']))
for (code,name),cells in sorted(rows.items()):
    main=collections.Counter(s for _,s in cells.values()).most_common(1)[0][0]
    years=sorted({y for y,_ in cells})
    data=', '.join(f'{y}: {{'+', '.join(f'{k}: {cells[(y,k)][0]}' for k in ('p0','jumlah_penduduk_miskin') if (y,k) in cells)+'}' for y in years)
    other={}
    for (y,k),(v,s) in sorted(cells.items()):
        if s!=main: other.setdefault(y,[]).append(f'{k}: {q(s)}')
    line=f'  - {{nama: {name}, kode_bps: "{code}", sumber: {q(main)}, data: {{{data}}}'
    if other:
        line+=', sumber_data: {'+', '.join(f'{y}: {{'+', '.join(v)+'}' for y,v in sorted(other.items()))+'}'
    line+='}'
    out.append(line)
print('\n'.join(out))
