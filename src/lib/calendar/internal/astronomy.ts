// The astronomical core of the Vietnamese lunar calendar, after Hồ Ngọc Đức, "Thuật toán tính âm lịch"
// (informatik.uni-leipzig.de/~duc/amlich/calrules.html), which in turn uses Jean Meeus, "Astronomical
// Algorithms" (1998): ch. 49 for the mean new moon with its main periodic terms, ch. 25 (low accuracy)
// for the sun's apparent longitude. The rules it implements (calrules, §"Quy luật của âm lịch Việt Nam"):
//   1. a lunar month starts on the local day (UTC+7) that holds the new moon;
//   2. the winter solstice (sun longitude 270°) always falls in month 11;
//   3. a year with 13 months (month 11 to month 11 spans 13 new moons) makes the first month after month 11
//      that contains no major solar term (trung khí, a multiple of 30° of longitude) the leap month.
// Vietnam reckons at UTC+7 since 1968, China at UTC+8: that alone explains the years where the two
// calendars differ (Tết 1985: 21 January in Vietnam, 20 February in China).
import { jdnFromCivil } from './julian-day.ts';

/** Time zone of the Vietnamese calendar in hours. */
export const VIETNAM_TZ = 7;

const DEG = Math.PI / 180;
/** Mean synodic month in days (Meeus ch. 49). */
const SYNODIC_MONTH = 29.530588853;
/** JD of the new moon of 1900-01-01 13:52 UT, the epoch k = 0 of the lunation count used here. */
const LUNATION_EPOCH = 2415021.076998695;

/** Julian day (fractional, UT) of new moon number k after the epoch (Meeus ch. 49, truncated series). */
function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries from 1900-01-01
  const t2 = t * t;
  const t3 = t2 * t;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
  // ΔT = TT − UT in days, polynomial fits on either side of 1900 − 1100 years.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** Local (UTC+tz) Julian day number of the day holding new moon k. */
export function newMoonDay(k: number, tz = VIETNAM_TZ): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** Sun's apparent longitude in radians, [0, 2π), at Julian day `jd` (UT) (Meeus ch. 25, low accuracy). */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries from J2000.0
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m); // equation of centre
  dl += (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.00029 * Math.sin(DEG * 3 * m);
  const l = (l0 + dl) * DEG;
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
}

/** Index 0–11 of the 30° sector of the sun's longitude at the START (local midnight) of local day `jdn`. */
export function sunSector(jdn: number, tz = VIETNAM_TZ): number {
  return Math.floor((sunLongitude(jdn - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Local JDN of the first day of lunar month 11 of solar year `year`: the month holding the winter solstice. */
export function month11Start(year: number, tz = VIETNAM_TZ): number {
  // JDN(31/12/year) − JDN of the lunation epoch day.
  const offset = jdnFromCivil({ year, month: 12, day: 31 }) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // A new moon at or after the sector holding 270° (sector 9) is already past the solstice: take the previous one.
  return sunSector(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

/**
 * In a 13-month year starting at month 11 `a11`, the offset (1–13 months after `a11`) of the leap month: the
 * first month in which no major solar term begins, i.e. the sun stays in one sector from start to next start.
 */
export function leapMonthOffset(a11: number, tz = VIETNAM_TZ): number {
  const k = Math.floor((a11 - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Lunation number k whose new moon day is nearest to local day `jdn`, rounded down. */
export function lunationBefore(jdn: number): number {
  return Math.floor((jdn - LUNATION_EPOCH) / SYNODIC_MONTH);
}

/** Lunation number of a month-11 start (rounded to nearest). */
export function lunationOf(jdnOfNewMoonDay: number): number {
  return Math.floor(0.5 + (jdnOfNewMoonDay - LUNATION_EPOCH) / SYNODIC_MONTH);
}
