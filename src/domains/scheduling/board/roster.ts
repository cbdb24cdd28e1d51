import type { RecordedEvent } from '../../../core/event.ts';

export interface DoctorEntry {
  doctorId: string;
  name: string;
  specialty: string;
  workingHours: { from: string; to: string }[];
}
export interface PatientEntry {
  patientId: string;
  name: string;
  email: string;
}

/** Pure: the registered doctors and patients, in registration order, read off the log for pickers. */
export function roster(events: readonly RecordedEvent[]): {
  doctors: DoctorEntry[];
  patients: PatientEntry[];
} {
  const doctors: DoctorEntry[] = [];
  const patients: PatientEntry[] = [];
  for (const e of events) {
    if (e.type === 'DoctorRegistered') {
      const d = e.data as DoctorEntry;
      doctors.push({
        doctorId: d.doctorId,
        name: d.name,
        specialty: d.specialty,
        workingHours: d.workingHours ?? [],
      });
    } else if (e.type === 'PatientRegistered') {
      const p = e.data as PatientEntry;
      patients.push({ patientId: p.patientId, name: p.name, email: p.email });
    }
  }
  return { doctors, patients };
}
