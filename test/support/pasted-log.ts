/** How each product's programs print a code in a log line. */
const LINE: Record<string, (code: string) => string> = {
  'webex-broadworks': (code) => `ERROR [provisioning] request failed errorCode=${code}`,
  'skype-ucwa': (code) => `WARN Event ID ${code} LS UCWA pool01`,
  'azure-communication-services': (code) => `ERROR call ended callEndReason {code: ${code}, subCode: 0}`,
};

export interface LoggedCode {
  product: string;
  code: string;
}

/** 42 codes the sources know, in the order a log might show them (not sorted, products mixed). */
export const FORTY_TWO_CODES: LoggedCode[] = [
  ...['200039', '600003', '200010', '200047', '600001', '200042', '200013', '200045', '200014', '600000']
    .concat(['200016', '200046', '200018', '200044', '200019', '200043', '200022', '200041', '200025'])
    .concat(['200040', '200026', '600002'])
    .map((code) => ({ product: 'webex-broadworks', code })),
  ...['20011', '20001', '20010', '20002', '20009', '20003', '20008', '20004', '20007', '20005', '20006'].map(
    (code) => ({ product: 'skype-ucwa', code }),
  ),
  ...['487', '403', '480', '404', '481', '408', '500', '410', '430'].map((code) => ({
    product: 'azure-communication-services',
    code,
  })),
];

/**
 * A pasted log of `lines` timestamped lines: the codes' lines interleaved (products mixed) with
 * heartbeat lines that hold no code, so the paste looks like what technicians copy from a console.
 */
export function pastedLog(codes: readonly LoggedCode[], lines: number, filler = 'INFO heartbeat ok'): string {
  const interleaved = [...codes].sort((a, b) => (codes.indexOf(a) % 3) - (codes.indexOf(b) % 3));
  const out: string[] = [];
  const stamp = (i: number) =>
    `2026-11-30 08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  const fillers = Math.max(0, lines - codes.length);
  let next = 0;
  for (let i = 0; i < codes.length + fillers; i++) {
    // Spread the codes evenly among the filler lines.
    const due = Math.floor(((i + 1) * codes.length) / (codes.length + fillers));
    const logged = next < due ? interleaved[next++] : undefined;
    out.push(`${stamp(i)} ${logged ? (LINE[logged.product] ?? String)(logged.code) : filler}`);
  }
  return out.join('\n');
}
