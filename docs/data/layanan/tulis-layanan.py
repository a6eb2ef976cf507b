"""Adds basic-service figures from layanan.csv into the sample's YAML files (data + sumber_data)."""
import csv, re, sys
FILES = {'00': 'content/referensi/indonesia.yaml', '35': 'content/referensi/jawa-timur.yaml',
         '33': 'content/referensi/jawa-tengah.yaml', '63': 'content/referensi/kalimantan-selatan.yaml',
         '3505': 'content/kabupaten-blitar/indikator.yaml'}
def source(s):
    m = re.match(r'(\S+) \((.*)\)$', s)
    return f'{m.group(2)}, {m.group(1)}'
def fmt(v):
    return v
cells = {}
for r in csv.DictReader(open(sys.argv[1])):
    cells.setdefault(FILES[r['bps_code']], []).append((int(r['year']), r['indicator'], r['value'], source(r['source'])))
for path, items in cells.items():
    lines = open(path).read().split('\n')
    def section(name):
        start = lines.index(name + ':')
        end = start + 1
        while end < len(lines) and (lines[end].startswith(' ') or lines[end] == ''):
            end += 1
        while lines[end - 1] == '': end -= 1
        return start, end
    for year, key, value, src in sorted(items):
        # data
        s, e = section('data')
        done = False
        for i in range(s + 1, e):
            m = re.match(r'  (\d{4}): \{(.*)\}(.*)$', lines[i])
            if m and int(m.group(1)) == year:
                assert key + ':' not in m.group(2), (path, year, key)
                lines[i] = f'  {year}: {{{m.group(2)}, {key}: {value}}}{m.group(3)}'
                done = True; break
            if m and int(m.group(1)) > year:
                lines.insert(i, f'  {year}: {{{key}: {value}}}'); done = True; break
        if not done:
            lines.insert(e, f'  {year}: {{{key}: {value}}}')
        # sumber_data
        s, e = section('sumber_data')
        q = '"' + src.replace('"', '\\"') + '"'
        i = s + 1; done = False
        while i < e:
            m = re.match(r'  (\d{4}):$', lines[i])
            if m and int(m.group(1)) == year:
                j = i + 1
                while j < e and lines[j].startswith('    '): j += 1
                lines.insert(j, f'    {key}: {q}'); done = True; break
            if m and int(m.group(1)) > year:
                lines[i:i] = [f'  {year}:', f'    {key}: {q}']; done = True; break
            i += 1
        if not done:
            lines[e:e] = [f'  {year}:', f'    {key}: {q}']
    open(path, 'w').write('\n'.join(lines))
    print('wrote', path, len(items))
