// Times and amounts as the one-stop shop writes them (BM.01: `hh:mm dd/mm/yyyy`, Vietnam time).
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export function formatVietnamTime(at: Date | string): string {
  const shifted = new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${shifted.slice(11, 16)} ${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)}`;
}
