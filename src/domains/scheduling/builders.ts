import type {
  SetMonthlyLimit,
  ArchiveDaySchedule,
  BookDoubleSlot,
  BookSlot,
  CancelDaySchedule,
  CancelSlotBooking,
  NotifyPatient,
  RegisterDoctor,
  RegisterPatient,
  ScheduleDay,
  ScheduleSlot,
} from './commands.ts';
import type {
  MonthlyLimitSet,
  DayScheduleArchived,
  DayScheduleCancelled,
  DayScheduled,
  DoctorRegistered,
  PatientNotified,
  PatientRegistered,
  SlotBooked,
  SlotBookingCancelled,
  SlotScheduleCancelled,
  SlotScheduled,
  WorkingHours,
} from './events.ts';
import { dateOfDay, dayIdOf, doctorIdOfDay, slotIdOf } from './ids.ts';
import { DEFAULT_WORKING_HOURS } from './practice/policies.ts';
import { SLOT_MINUTES, addMinutes } from './time.ts';

/** The people of the built-in practice: realistic names for tests, scenarios and the UI. */
export const people = {
  anaSilva: { doctorId: 'ana-silva', name: 'Dr Ana Silva', specialty: 'General practice' },
  raviPatel: { doctorId: 'ravi-patel', name: 'Dr Ravi Patel', specialty: 'Paediatrics' },
  graceOkafor: { doctorId: 'grace-okafor', name: 'Dr Grace Okafor', specialty: 'Dermatology' },
  tomBaker: {
    patientId: 'tom-baker',
    name: 'Tom Baker',
    email: 'tom.baker@example.com',
    birthDate: '1985-06-14',
  },
  mariaLopez: {
    patientId: 'maria-lopez',
    name: 'Maria Lopez',
    email: 'maria.lopez@example.com',
    birthDate: '1992-11-03',
  },
  chenWei: {
    patientId: 'chen-wei',
    name: 'Chen Wei',
    email: 'chen.wei@example.com',
    birthDate: '1978-01-27',
  },
  amaraNwosu: {
    patientId: 'amara-nwosu',
    name: 'Amara Nwosu',
    email: 'amara.nwosu@example.com',
    birthDate: '2001-04-09',
  },
} as const;

/** The builders' default day: Monday 2 March 2026, the day after the sandbox's default clock start. */
export const DEFAULT_DATE = '2026-03-02';
export const DEFAULT_START_TIME = '09:00';

interface SlotRef {
  doctorId?: string;
  date?: string;
  dayId?: string;
  startTime?: string;
  slotId?: string;
}

const dayOf = (ref: SlotRef) =>
  ref.dayId ?? dayIdOf(ref.doctorId ?? people.anaSilva.doctorId, ref.date ?? DEFAULT_DATE);

const slotOf = (ref: SlotRef) => {
  const dayId = dayOf(ref);
  return { dayId, slotId: ref.slotId ?? slotIdOf(dayId, ref.startTime ?? DEFAULT_START_TIME) };
};

/** Pure: `count` consecutive 10-minute start times from `from`. */
export const slotTimes = (from: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => addMinutes(from, index * SLOT_MINUTES));

// Commands

export const registerDoctor = (data: Partial<RegisterDoctor['data']> = {}): RegisterDoctor => ({
  type: 'RegisterDoctor',
  data: {
    doctorId: people.anaSilva.doctorId,
    name: people.anaSilva.name,
    specialty: people.anaSilva.specialty,
    ...data,
  },
});

export const registerPatient = (data: Partial<RegisterPatient['data']> = {}): RegisterPatient => ({
  type: 'RegisterPatient',
  data: { ...people.tomBaker, ...data },
});

export const scheduleDay = (
  data: { doctorId?: string; date?: string; slots?: ScheduleDay['data']['slots'] } = {},
): ScheduleDay => ({
  type: 'ScheduleDay',
  data: {
    doctorId: data.doctorId ?? people.anaSilva.doctorId,
    date: data.date ?? DEFAULT_DATE,
    slots: data.slots ?? slotTimes('09:00', 3).map((startTime) => ({ startTime })),
  },
});

export const scheduleSlot = (data: SlotRef = {}): ScheduleSlot => ({
  type: 'ScheduleSlot',
  data: {
    dayId: dayOf(data),
    startTime: data.startTime ?? DEFAULT_START_TIME,
    ...(data.slotId ? { slotId: data.slotId } : {}),
  },
});

export const bookSlot = (data: SlotRef & { patientId?: string } = {}): BookSlot => ({
  type: 'BookSlot',
  data: { ...slotOf(data), patientId: data.patientId ?? people.tomBaker.patientId },
});

export const bookDoubleSlot = (data: SlotRef & { patientId?: string } = {}): BookDoubleSlot => ({
  type: 'BookDoubleSlot',
  data: { ...slotOf(data), patientId: data.patientId ?? people.tomBaker.patientId },
});

export const cancelSlotBooking = (
  data: SlotRef & { patientId?: string; reason?: string } = {},
): CancelSlotBooking => ({
  type: 'CancelSlotBooking',
  data: {
    ...slotOf(data),
    reason: data.reason ?? 'patient-request',
    ...(data.patientId ? { patientId: data.patientId } : {}),
  },
});

export const cancelDaySchedule = (data: SlotRef & { reason?: string } = {}): CancelDaySchedule => ({
  type: 'CancelDaySchedule',
  data: { dayId: dayOf(data), reason: data.reason ?? 'Doctor is ill' },
});

export const archiveDaySchedule = (data: SlotRef = {}): ArchiveDaySchedule => ({
  type: 'ArchiveDaySchedule',
  data: { dayId: dayOf(data) },
});

export const notifyPatient = (data: Partial<NotifyPatient['data']> = {}): NotifyPatient => ({
  type: 'NotifyPatient',
  data: {
    patientId: people.tomBaker.patientId,
    subject: 'Your appointment on 2026-03-02 at 09:00 was cancelled',
    body: 'Your doctor can no longer see patients on 2026-03-02. Please book another slot.',
    causationEventId: 'evt-1',
    ...data,
  },
});

// Events

export const doctorRegistered = (
  data: Partial<DoctorRegistered['data']> & { workingHours?: WorkingHours } = {},
): DoctorRegistered => ({
  type: 'DoctorRegistered',
  data: {
    doctorId: people.anaSilva.doctorId,
    name: people.anaSilva.name,
    specialty: people.anaSilva.specialty,
    workingHours: DEFAULT_WORKING_HOURS,
    ...data,
  },
});

export const setMonthlyLimit = (monthlyLimit = 2): SetMonthlyLimit => ({
  type: 'SetMonthlyLimit',
  data: { monthlyLimit },
});

export const monthlyLimitSet = (monthlyLimit = 2): MonthlyLimitSet => ({
  type: 'MonthlyLimitSet',
  data: { monthlyLimit },
});

export const patientRegistered = (data: Partial<PatientRegistered['data']> = {}): PatientRegistered => ({
  type: 'PatientRegistered',
  data: { ...people.tomBaker, ...data },
});

export const dayScheduled = (data: SlotRef = {}): DayScheduled => {
  const dayId = dayOf(data);
  return { type: 'DayScheduled', data: { dayId, doctorId: doctorIdOfDay(dayId), date: dateOfDay(dayId) } };
};

export const slotScheduled = (data: SlotRef = {}): SlotScheduled => {
  const { dayId, slotId } = slotOf(data);
  return {
    type: 'SlotScheduled',
    data: {
      dayId,
      slotId,
      doctorId: doctorIdOfDay(dayId),
      date: dateOfDay(dayId),
      startTime: data.startTime ?? DEFAULT_START_TIME,
      durationMinutes: SLOT_MINUTES,
    },
  };
};

export const slotBooked = (
  data: SlotRef & { patientId?: string; pairedSlotId?: string } = {},
): SlotBooked => ({
  type: 'SlotBooked',
  data: {
    ...slotOf(data),
    patientId: data.patientId ?? people.tomBaker.patientId,
    ...(data.pairedSlotId ? { pairedSlotId: data.pairedSlotId } : {}),
  },
});

export const slotBookingCancelled = (
  data: SlotRef & { patientId?: string; reason?: string } = {},
): SlotBookingCancelled => ({
  type: 'SlotBookingCancelled',
  data: {
    ...slotOf(data),
    patientId: data.patientId ?? people.tomBaker.patientId,
    reason: data.reason ?? 'patient-request',
  },
});

export const slotScheduleCancelled = (data: SlotRef = {}): SlotScheduleCancelled => ({
  type: 'SlotScheduleCancelled',
  data: slotOf(data),
});

export const dayScheduleCancelled = (data: SlotRef & { reason?: string } = {}): DayScheduleCancelled => ({
  type: 'DayScheduleCancelled',
  data: { dayId: dayOf(data), reason: data.reason ?? 'Doctor is ill' },
});

export const dayScheduleArchived = (data: SlotRef = {}): DayScheduleArchived => ({
  type: 'DayScheduleArchived',
  data: { dayId: dayOf(data) },
});

export const patientNotified = (data: Partial<PatientNotified['data']> = {}): PatientNotified => ({
  type: 'PatientNotified',
  data: notifyPatient(data).data,
});
