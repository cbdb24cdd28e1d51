import { dayIdOf } from '../ids.ts';
import type { AppState, Outcome } from '../../../ui/shell/appState.svelte.ts';
import { boardRows, type BoardColumn, type DoctorDayView } from './boardModel.ts';
import { slotTimes } from '../../../ui/forms/commandForms.ts';
import { roster } from './roster.ts';

export interface SelectedSlot {
  dayId: string;
  slotId: string;
  startTime: string;
  doctorId: string;
}

export type Actor = { kind: 'patient'; id: string } | { kind: 'doctor'; id: string } | null;

/** The practice board's state: the date, who the user acts as, the selected slot; commands go to the runtime. */
export class BoardState {
  readonly app: AppState;
  date = $state('');
  /** `patient:<id>` or `doctor:<id>`. */
  actorKey = $state('');
  selected = $state<SelectedSlot | null>(null);
  outcome = $state<Outcome | null>(null);
  isBusy = $state(false);

  readonly roster = $derived.by(() => roster(this.app.shownEvents));
  readonly actor: Actor = $derived.by(() => {
    const [kind, ...rest] = this.actorKey.split(':');
    const id = rest.join(':');
    return (kind === 'patient' || kind === 'doctor') && id ? { kind, id } : null;
  });
  readonly columns: BoardColumn[] = $derived.by(() =>
    this.roster.doctors.map((d) => {
      const dayId = dayIdOf(d.doctorId, this.date);
      const day = this.app.query((q) => q.doctorDay(dayId)) as DoctorDayView | null;
      return { doctorId: d.doctorId, name: d.name, dayId, day };
    }),
  );
  readonly rows = $derived.by(() => boardRows(this.columns));
  readonly available = $derived.by(() => this.app.query((q) => q.availableSlots(this.date)));
  readonly patientSlots = $derived.by(() =>
    this.actor?.kind === 'patient' ? this.app.query((q) => q.patientSlots(this.actor?.id ?? '')) : [],
  );
  readonly monthlyCount = $derived.by(() =>
    this.actor?.kind === 'patient'
      ? this.app.query((q) => q.monthlyBookings(this.actor?.id ?? '', this.date.slice(0, 7)))
      : 0,
  );
  readonly doctorDay = $derived.by(() =>
    this.actor?.kind === 'doctor' ? (this.columns.find((c) => c.doctorId === this.actor?.id) ?? null) : null,
  );

  constructor(app: AppState) {
    this.app = app;
    this.date = app.now.slice(0, 10);
  }

  patientName = (patientId: string | undefined): string =>
    this.roster.patients.find((p) => p.patientId === patientId)?.name ?? patientId ?? '';

  select(slot: SelectedSlot | null): void {
    this.selected = slot;
  }

  async run(command: { type: string; data: Record<string, unknown> }): Promise<Outcome> {
    this.isBusy = true;
    try {
      this.outcome = await this.app.dispatch(command);
      return this.outcome;
    } finally {
      this.isBusy = false;
    }
  }

  book = (double = false) => {
    if (!this.selected || this.actor?.kind !== 'patient') return;
    const { dayId, slotId } = this.selected;
    return this.run({
      type: double ? 'BookDoubleSlot' : 'BookSlot',
      data: { dayId, slotId, patientId: this.actor.id },
    });
  };

  cancelBooking = (slot: { dayId: string; slotId: string }, reason = 'cancelled by the patient') => {
    const patientId = this.actor?.kind === 'patient' ? this.actor.id : undefined;
    return this.run({
      type: 'CancelSlotBooking',
      data: { dayId: slot.dayId, slotId: slot.slotId, reason, patientId },
    });
  };

  scheduleDay = (from: string, to: string) => {
    if (this.actor?.kind !== 'doctor') return;
    const slots = slotTimes(from, to).map((startTime) => ({ startTime }));
    return this.run({ type: 'ScheduleDay', data: { doctorId: this.actor.id, date: this.date, slots } });
  };

  addSlot = (startTime: string) => {
    if (this.actor?.kind !== 'doctor') return;
    return this.run({ type: 'ScheduleSlot', data: { dayId: dayIdOf(this.actor.id, this.date), startTime } });
  };

  cancelDay = (reason: string) => {
    if (this.actor?.kind !== 'doctor') return;
    return this.run({
      type: 'CancelDaySchedule',
      data: { dayId: dayIdOf(this.actor.id, this.date), reason },
    });
  };
}
