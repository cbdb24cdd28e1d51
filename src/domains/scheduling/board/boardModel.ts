/** Pure shaping of doctor-day query answers into the practice board's grid. */

export interface DaySlot {
  slotId: string;
  startTime: string;
  status: 'available' | 'booked' | 'cancelled';
  patientId?: string;
}

export interface DoctorDayView {
  dayId: string;
  doctorId: string;
  date: string;
  status: 'scheduled' | 'cancelled' | 'archived';
  slots: DaySlot[];
}

export interface BoardColumn {
  doctorId: string;
  name: string;
  dayId: string;
  day: DoctorDayView | null;
}

export interface BoardRow {
  startTime: string;
  cells: { doctorId: string; slot: DaySlot | null }[];
}

/** Pure: one row per start time any doctor has that day, in time order; a cell per doctor column. */
export function boardRows(columns: readonly BoardColumn[]): BoardRow[] {
  const times = new Set<string>();
  for (const c of columns) for (const s of c.day?.slots ?? []) times.add(s.startTime);
  return [...times].sort().map((startTime) => ({
    startTime,
    cells: columns.map((c) => ({
      doctorId: c.doctorId,
      slot: c.day?.slots.find((s) => s.startTime === startTime) ?? null,
    })),
  }));
}
