import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTdm, writeTdm } from '../../../src/ccsds';
import { DataFormatError } from '../../../src/errors';
import { createSiteDeg } from '../../../src/frames';
import {
  AzEl,
  createExampleTelescopes,
  createRadar,
  type Measurement,
  measurementsToTdm,
  RaDec,
  Range,
  RangeRate,
  simulateMeasurements,
  tdmToMeasurements,
} from '../../../src/od';
import { Epoch } from '../../../src/time';
import { FC_PARAMS } from '../../arbitraries';
import { geoTruth, T0 } from '../simulate/geoTruth';

const sensors = createExampleTelescopes({ sigmaArcsec: 1 });
const radar = createRadar({
  id: 'RADAR-1',
  site: createSiteDeg({ latitudeDeg: 48.6, longitudeDeg: 2.3, heightKm: 0.1 }),
  rangeSigmaKm: 0.01,
  rangeRateSigmaKmS: 1e-5,
  angleSigmaArcsec: 36,
});
const catalogue = [...sensors, radar];

/** Bit-for-bit equality of two measurements: kind, sensor, instant, values, σ, axes. */
function expectIdentical(a: Measurement, b: Measurement): void {
  expect(b.kind).toBe(a.kind);
  expect(b.sensorId).toBe(a.sensorId);
  expect(b.epoch.secondsSince(a.epoch)).toBe(0);
  expect(b.values).toEqual(a.values);
  expect(b.sigmas).toEqual(a.sigmas);
  if (a.kind === 'RADEC' && b.kind === 'RADEC') expect(b.axes).toBe(a.axes);
}

function roundTrip(measurements: readonly Measurement[], encoding: 'KVN' | 'XML' = 'KVN') {
  const text = writeTdm(measurementsToTdm({ measurements, objectId: 'OBJ-1' }), { encoding });
  return tdmToMeasurements(parseTdm(text), { sensors: catalogue });
}

describe('simulated TDM → parse → measurements', () => {
  const trajectory = geoTruth();
  const sim = simulateMeasurements({
    trajectory,
    sensors: sensors.slice(0, 2),
    start: T0.plusSeconds(60),
    end: T0.plusSeconds(2 * 86400),
    seed: 'tdm',
  });

  it('gives back every simulated value bit for bit (KVN and XML): epochs, angles, σ, sensors, axes', () => {
    expect(sim.measurements.length).toBeGreaterThan(50);
    for (const encoding of ['KVN', 'XML'] as const) {
      const back = roundTrip(sim.measurements, encoding);
      expect(back.measurements.length).toBe(sim.measurements.length);
      for (const [k, m] of sim.measurements.entries()) expectIdentical(m, back.measurements[k]!);
      expect(back.segments.map((s) => s.sensorId)).toEqual(['TAROT-CALERN', 'TAROT-LA-SILLA']);
    }
  });

  it('writes ANGLE_TYPE = RADEC, REFERENCE_FRAME = EME2000, PATH = 2,1, TIME_SYSTEM = UTC, one segment per sensor', () => {
    const text = writeTdm(measurementsToTdm({ measurements: sim.measurements, objectId: 'OBJ-1' }));
    expect(text.match(/META_START/g)!.length).toBe(2);
    expect(text).toContain('ANGLE_TYPE           = RADEC');
    expect(text).toContain('REFERENCE_FRAME      = EME2000');
    expect(text).toContain('PATH                 = 2,1');
    expect(text).toContain('TIME_SYSTEM          = UTC');
    expect(text).toContain('PARTICIPANT_1        = TAROT-CALERN');
  });
});

describe('tdmToMeasurements: paths, frames, data types, time systems', () => {
  const head = 'CCSDS_TDM_VERS = 2.0\nCREATION_DATE = 2024-03-02T00:00:00\nORIGINATOR = TEST\n';
  const tdm = (meta: string, data: string) =>
    parseTdm(`${head}META_START\n${meta}\nMETA_STOP\nDATA_START\n${data}\nDATA_STOP\n`);
  const radecData = 'ANGLE_1 = 2024-03-01T21:00:00 120.5\nANGLE_2 = 2024-03-01T21:00:00 -5.25';

  it('finds the observer whichever way PATH is written (2,1 or 1,2, participants swapped)', () => {
    const a = tdm(
      'TIME_SYSTEM = UTC\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = EME2000',
      radecData,
    );
    const b = tdm(
      'TIME_SYSTEM = UTC\nPARTICIPANT_1 = OBJ\nPARTICIPANT_2 = TAROT-CALERN\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = EME2000',
      radecData,
    );
    const c = tdm(
      'TIME_SYSTEM = UTC\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 1,2\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = EME2000',
      radecData,
    );
    for (const message of [a, b, c]) {
      const r = tdmToMeasurements(message, { sensors: catalogue });
      expect(r.measurements[0]!.sensorId).toBe('TAROT-CALERN');
      expect(r.segments[0]!.objectNames).toEqual(['OBJ']);
      const m = r.measurements[0] as RaDec;
      expect(m.axes).toBe('EME2000');
      expect(m.rightAscensionRad).toBe(120.5 * (Math.PI / 180));
    }
  });

  it('resolves a participant through an alias', () => {
    const m = tdm(
      'TIME_SYSTEM = UTC\nPARTICIPANT_1 = TCA\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = ICRF',
      radecData,
    );
    const r = tdmToMeasurements(m, { sensors: catalogue, aliases: { TCA: 'TAROT-CALERN' } });
    expect(r.measurements[0]!.sensorId).toBe('TAROT-CALERN');
    expect((r.measurements[0] as RaDec).axes).toBe('GCRF');
  });

  it('reads GCRF as GCRF axes, AZEL as AzEl, with σ from the sensor (σ/cos of the second angle on the first)', () => {
    const g = tdmToMeasurements(
      tdm(
        'TIME_SYSTEM = UTC\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = GCRF',
        radecData,
      ),
      { sensors: catalogue },
    );
    expect((g.measurements[0] as RaDec).axes).toBe('GCRF');
    const s = sensors[0]!.angleSigmaRad!;
    expect(g.measurements[0]!.sigmas).toEqual([s / Math.cos(-5.25 * (Math.PI / 180)), s]);
    const az = tdmToMeasurements(
      tdm(
        'TIME_SYSTEM = UTC\nPARTICIPANT_1 = RADAR-1\nPARTICIPANT_2 = OBJ\nPATH = 1,2,1\nANGLE_TYPE = AZEL',
        'ANGLE_1 = 2024-03-01T21:00:00 200\nANGLE_2 = 2024-03-01T21:00:00 40',
      ),
      { sensors: catalogue },
    );
    expect(az.measurements[0]).toBeInstanceOf(AzEl);
    expect(az.measurements[0]!.values).toEqual([200 * (Math.PI / 180), 40 * (Math.PI / 180)]);
  });

  it('reads RANGE (km one way, round trip halved, s × c) and DOPPLER_* as range rate (positive receding, integrated tag moved to mid-interval)', () => {
    const oneWay = tdmToMeasurements(
      tdm(
        'TIME_SYSTEM = UTC\nPARTICIPANT_1 = RADAR-1\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nRANGE_UNITS = km',
        'RANGE = 2024-03-01T21:00:00 1234.5\nDOPPLER_INSTANTANEOUS = 2024-03-01T21:00:00 -1.25',
      ),
      { sensors: catalogue },
    );
    expect(oneWay.measurements[0]).toBeInstanceOf(Range);
    expect(oneWay.measurements[0]!.values).toEqual([1234.5]);
    expect(oneWay.measurements[0]!.sigmas).toEqual([0.01]);
    expect(oneWay.measurements[1]).toBeInstanceOf(RangeRate);
    expect(oneWay.measurements[1]!.values).toEqual([-1.25]);
    const twoWay = tdmToMeasurements(
      tdm(
        'TIME_SYSTEM = UTC\nPARTICIPANT_1 = RADAR-1\nPARTICIPANT_2 = OBJ\nPATH = 1,2,1\nRANGE_UNITS = s\nINTEGRATION_INTERVAL = 10\nINTEGRATION_REF = START',
        'RANGE = 2024-03-01T21:00:00 0.02\nDOPPLER_INTEGRATED = 2024-03-01T21:00:00 0.5',
      ),
      { sensors: catalogue },
    );
    expect(twoWay.segments[0]!.roundTrip).toBe(true);
    expect(twoWay.measurements[0]!.values[0]).toBeCloseTo((0.02 * 299792.458) / 2, 9);
    const dop = twoWay.measurements[1]!;
    expect(dop.epoch.secondsSince(Epoch.fromIso('2024-03-01T21:00:00', 'UTC'))).toBe(5);
  });

  it('applies CORRECTION_ANGLE_n when CORRECTIONS_APPLIED = NO, not when YES', () => {
    const meta = (applied: string) =>
      `TIME_SYSTEM = UTC\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = EME2000\nCORRECTION_ANGLE_1 = 0.5\nCORRECTION_ANGLE_2 = -0.25\nCORRECTIONS_APPLIED = ${applied}`;
    const no = tdmToMeasurements(tdm(meta('NO'), radecData), { sensors: catalogue });
    const yes = tdmToMeasurements(tdm(meta('YES'), radecData), { sensors: catalogue });
    expect(no.measurements[0]!.values).toEqual([121 * (Math.PI / 180), -5.5 * (Math.PI / 180)]);
    expect(yes.measurements[0]!.values).toEqual([120.5 * (Math.PI / 180), -5.25 * (Math.PI / 180)]);
  });

  it('places epochs of any TIME_SYSTEM on the time line through osmose/time (TAI, GPS = UTC + 37 s, UTC + 18 s in 2024)', () => {
    const at = (system: string, text: string) =>
      tdmToMeasurements(
        tdm(
          `TIME_SYSTEM = ${system}\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = EME2000`,
          `ANGLE_1 = ${text} 120.5\nANGLE_2 = ${text} -5.25`,
        ),
        { sensors: catalogue },
      ).measurements[0]!.epoch;
    const utc = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
    expect(at('TAI', '2024-03-01T21:00:37').secondsSince(utc)).toBe(0);
    expect(at('GPS', '2024-03-01T21:00:18').secondsSince(utc)).toBe(0);
  });

  it('refuses what it does not convert with a DataFormatError naming the keyword', () => {
    const base =
      'TIME_SYSTEM = UTC\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = EME2000';
    const keywordOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(DataFormatError);
        return (e as DataFormatError).keyword;
      }
      return 'no error';
    };
    const read = (meta: string, data: string, ignoreKeywords?: string[]) => () =>
      tdmToMeasurements(tdm(meta, data), {
        sensors: catalogue,
        ...(ignoreKeywords ? { ignoreKeywords } : {}),
      });
    expect(keywordOf(read(base, `${radecData}\nMAG = 2024-03-01T21:00:00 12.5`))).toBe('MAG');
    expect(
      read(base, `${radecData}\nMAG = 2024-03-01T21:00:00 12.5`, ['MAG'])().segments[0]!.ignored,
    ).toBe(1);
    expect(keywordOf(read(base, `${radecData}\nRECEIVE_FREQ_2 = 2024-03-01T21:00:00 2e9`))).toBe(
      'RECEIVE_FREQ_2',
    );
    expect(keywordOf(read(base, 'ANGLE_1 = 2024-03-01T21:00:00 120.5'))).toBe('ANGLE_1');
    expect(keywordOf(read(base.replace('EME2000', 'TOD'), radecData))).toBe('REFERENCE_FRAME');
    expect(
      keywordOf(read(base.replace('ANGLE_TYPE = RADEC', 'ANGLE_TYPE = XEYN'), radecData)),
    ).toBe('ANGLE_TYPE');
    expect(keywordOf(read(base.replace('TAROT-CALERN', 'NOWHERE'), radecData))).toBe(
      'PARTICIPANT_2',
    );
    expect(keywordOf(read(base.replace('PATH = 2,1\n', ''), radecData))).toBe('PATH');
    expect(
      keywordOf(
        read(
          base.replace('TAROT-CALERN', 'RADAR-1').concat('\nRANGE_UNITS = RU'),
          'RANGE = 2024-03-01T21:00:00 1234',
        ),
      ),
    ).toBe('RANGE_UNITS');
  });

  it('reports an observation it refuses at its line in the TDM text (KVN data line, XML EPOCH element)', () => {
    const meta =
      'TIME_SYSTEM = UTC\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = RADEC\nREFERENCE_FRAME = EME2000';
    const kvn = `${head}META_START\n${meta}\nMETA_STOP\nDATA_START\n${radecData}\nMAG = 2024-03-01T21:00:00 12.5\nANGLE_1 = 2024-03-01T21:05:00 121\nDATA_STOP\n`;
    const errorOf = (f: () => unknown): DataFormatError => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(DataFormatError);
        return e as DataFormatError;
      }
      throw new Error('no error');
    };
    /** 1-based line of the first line of `text` matching `re`, found in the text itself. */
    const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l)) + 1;
    const convert = (text: string, ignoreKeywords?: string[]) => () =>
      tdmToMeasurements(parseTdm(text), {
        sensors: catalogue,
        ...(ignoreKeywords ? { ignoreKeywords } : {}),
      });

    const mag = errorOf(convert(kvn));
    expect(mag.keyword).toBe('MAG');
    expect(mag.line).toBe(lineOf(kvn, /^MAG = /));
    expect(mag.line).toBeGreaterThan(0);
    expect(mag.message).toContain(`line ${mag.line}`);
    // An ANGLE_1 left without its ANGLE_2, reported after the whole segment was read.
    const lone = errorOf(convert(kvn, ['MAG']));
    expect(lone.keyword).toBe('ANGLE_1');
    expect(lone.line).toBe(lineOf(kvn, /^ANGLE_1 = 2024-03-01T21:05:00/));

    // The same message in XML: the line of the observation's EPOCH element.
    const xml = writeTdm(parseTdm(kvn), { encoding: 'XML' });
    const xmlLines = xml.split('\n');
    const magValue = lineOf(xml, /<MAG>/);
    const magEpoch =
      xmlLines
        .slice(0, magValue)
        .map((l) => l.includes('<EPOCH>'))
        .lastIndexOf(true) + 1;
    expect(magEpoch).toBeGreaterThan(0);
    expect(errorOf(convert(xml)).line).toBe(magEpoch);

    // A message built in code has no lines: line 0.
    const built = parseTdm(kvn);
    const noLines = {
      ...built,
      segments: built.segments.map((s) => ({
        ...s,
        observations: s.observations.map(({ keyword, epoch, value }) => ({
          keyword,
          epoch,
          value,
        })),
      })),
    };
    const unplaced = errorOf(() => tdmToMeasurements(noLines, { sensors: catalogue }));
    expect(unplaced.keyword).toBe('MAG');
    expect(unplaced.line).toBe(0);
  });
});

describe('metadata faults are reported at their line', () => {
  const head = 'CCSDS_TDM_VERS = 2.0\nCREATION_DATE = 2024-03-02T00:00:00\nORIGINATOR = TEST\n';
  const radecData = 'ANGLE_1 = 2024-03-01T21:00:00 120.5\nANGLE_2 = 2024-03-01T21:00:00 -5.25';
  const meta =
    'TIME_SYSTEM = UTC\nPARTICIPANT_1 = TAROT-CALERN\nPARTICIPANT_2 = OBJ\nPATH = 2,1\nANGLE_TYPE = XEYN\nREFERENCE_FRAME = EME2000';
  const kvn = `${head}META_START\n${meta}\nMETA_STOP\nDATA_START\n${radecData}\nDATA_STOP\n`;
  const errorOf = (text: string): DataFormatError => {
    try {
      tdmToMeasurements(parseTdm(text), { sensors: catalogue });
    } catch (e) {
      expect(e).toBeInstanceOf(DataFormatError);
      return e as DataFormatError;
    }
    throw new Error('no error');
  };
  /** 1-based line of the first line of `text` matching `re`, found in the text itself. */
  const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l)) + 1;

  it('a keyword with a value it does not convert: the keyword line, in KVN and XML', () => {
    const e = errorOf(kvn);
    expect(e.keyword).toBe('ANGLE_TYPE');
    expect(e.line).toBe(lineOf(kvn, /^ANGLE_TYPE = XEYN/));
    expect(e.message).toContain(`line ${e.line}`);
    const xml = writeTdm(parseTdm(kvn), { encoding: 'XML' });
    expect(errorOf(xml).line).toBe(lineOf(xml, /<ANGLE_TYPE>/));
  });

  it('a keyword that is missing: the line where the metadata starts', () => {
    const noType = kvn.replace('ANGLE_TYPE = XEYN\n', '');
    const e = errorOf(noType);
    expect(e.keyword).toBe('ANGLE_TYPE');
    expect(e.line).toBe(lineOf(noType, /^META_START/));
    const xml = writeTdm(parseTdm(noType), { encoding: 'XML' });
    expect(errorOf(xml).line).toBe(lineOf(xml, /<metadata>/));
  });
});

describe('write → parse → convert (fast-check)', () => {
  const RAD_PER_DEG = Math.PI / 180;
  const DEG_PER_RAD = 180 / Math.PI;
  const sensorId = fc.constantFrom('TAROT-CALERN', 'TAROT-LA-SILLA', 'TAROT-REUNION');
  // Epochs of 2020–2030 to the millisecond.
  const epoch = fc
    .integer({ min: 0, max: 10 * 365 * 86400 * 1000 })
    .map((ms) => Epoch.fromIso('2020-01-01T00:00:00', 'UTC').plusSeconds(ms / 1000));
  const raDec = fc
    .record({
      epoch,
      sensorId,
      ra: fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
      dec: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
      axes: fc.constantFrom('EME2000' as const, 'GCRF' as const),
    })
    .map(({ epoch: t, sensorId: id, ra, dec, axes }) => {
      // As the simulation makes them: angles on the degree grid, σ from the sensor.
      const d = dec * DEG_PER_RAD * RAD_PER_DEG;
      const s = sensors.find((x) => x.id === id)!.angleSigmaRad!;
      return RaDec.create({
        epoch: t,
        sensorId: id,
        rightAscensionRad: ra * DEG_PER_RAD * RAD_PER_DEG,
        declinationRad: d,
        sigmaRightAscensionRad: s / Math.cos(d),
        sigmaDeclinationRad: s,
        axes,
      });
    });

  it('any set of simulated-like RA/Dec measurements comes back identical (in time order)', () => {
    fc.assert(
      fc.property(fc.array(raDec, { minLength: 1, maxLength: 20 }), (ms) => {
        const back = roundTrip(ms).measurements;
        const sorted = ms
          .map((m, k) => ({ m, k }))
          .sort((a, b) => a.m.epoch.secondsSince(b.m.epoch) || a.k - b.k)
          .map((x) => x.m);
        expect(back.length).toBe(ms.length);
        // Equal epochs may come back grouped by segment: compare as multisets per instant.
        const key = (m: Measurement) =>
          `${m.epoch.toIso('TAI', { fractionDigits: 12 })}|${m.sensorId}|${m.values.join(',')}|${m.sigmas.join(',')}|${(m as RaDec).axes}`;
        expect(back.map(key).sort()).toEqual(sorted.map(key).sort());
        for (let k = 1; k < back.length; k++) {
          expect(back[k]!.epoch.secondsSince(back[k - 1]!.epoch)).toBeGreaterThanOrEqual(0);
        }
      }),
      { ...FC_PARAMS, numRuns: Math.min(FC_PARAMS.numRuns, 100) },
    );
  });

  it('any radians (off the degree grid) come back within 1 ulp', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        (ra, dec) => {
          const m = RaDec.create({
            epoch: T0,
            sensorId: 'TAROT-CALERN',
            rightAscensionRad: ra,
            declinationRad: dec,
            sigmaRightAscensionRad: 1e-5,
            sigmaDeclinationRad: 1e-5,
          });
          const back = roundTrip([m]).measurements[0]!;
          const ulp = (x: number) => 2 ** (Math.floor(Math.log2(Math.abs(x) || 1e-300)) - 52);
          expect(Math.abs(back.values[0]! - m.values[0]!)).toBeLessThanOrEqual(ulp(m.values[0]!));
          expect(Math.abs(back.values[1]! - m.values[1]!)).toBeLessThanOrEqual(ulp(m.values[1]!));
        },
      ),
      FC_PARAMS,
    );
  });

  it('range, range-rate and Az/El measurements also come back identical', () => {
    const t = Epoch.fromIso('2024-03-01T21:00:00.125', 'UTC');
    const ms: Measurement[] = [
      Range.create({ epoch: t, sensorId: 'RADAR-1', rangeKm: 1234.567891, sigmaKm: 0.01 }),
      RangeRate.create({
        epoch: t,
        sensorId: 'RADAR-1',
        rangeRateKmS: -0.123456789,
        sigmaKmS: 1e-5,
      }),
      AzEl.create({
        epoch: t,
        sensorId: 'RADAR-1',
        azimuthRad: 200 * RAD_PER_DEG,
        elevationRad: 40 * RAD_PER_DEG,
        sigmaAzimuthRad: radar.angleSigmaRad! / Math.cos(40 * RAD_PER_DEG),
        sigmaElevationRad: radar.angleSigmaRad!,
      }),
    ];
    const back = roundTrip(ms).measurements;
    expect(back.length).toBe(3);
    for (const m of ms) expectIdentical(m, back.find((b) => b.kind === m.kind)!);
  });
});
