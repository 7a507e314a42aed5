export async function runTerminalChat(..._a: unknown[]): Promise<number> { return 0; }
