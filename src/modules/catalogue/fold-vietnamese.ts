// Diacritics-insensitive matching (issue 6 §1: "dang ky khai sinh" finds "Đăng ký khai sinh"), done in
// code and stored in a column so plain SQL `like` works on PGlite and PostgreSQL without unaccent/pg_trgm.

/** NFD, drop combining marks, đ→d, lower case, single spaces. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, folded, each escaped for a SQL `like` pattern (backslash escapes). */
export function searchWords(query: string): string[] {
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
}
