// One fixed date for every timestamp an output carries, so identical input gives identical files.

/** SOURCE_DATE_EPOCH from the environment (seconds since 1970), when it is set to a whole number. */
export function envEpoch(): number | undefined {
  const value = process.env.SOURCE_DATE_EPOCH
  return value && /^\d+$/.test(value) ? Number(value) : undefined
}

/** SOURCE_DATE_EPOCH (seconds) when given, else midnight UTC of the book's date. */
export function reproducibleDate(date: string, epoch?: number): Date {
  return epoch !== undefined ? new Date(epoch * 1000) : new Date(`${date}T00:00:00Z`)
}
