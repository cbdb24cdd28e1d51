import { people, registerDoctor, registerPatient, scheduleDay, slotTimes } from '../builders.ts';
import type { ScenarioStep } from '../../../core/domain/walkthrough.ts';

const { anaSilva, raviPatel, tomBaker, mariaLopez, chenWei } = people;

const receptionist = 'Reception (Sue Miller)';

/** Pure: a step dispatched by the practice's receptionist. */
export const byReception = (command: ScenarioStep & { kind: 'command' }): ScenarioStep => ({
  ...command,
  actor: command.actor ?? receptionist,
});

/** The practice most scenarios start from: two doctors, three patients, Dr Silva's Monday morning. */
export const practiceSetup = (times: string[] = slotTimes('09:00', 6)): ScenarioStep[] => [
  {
    kind: 'command',
    command: registerDoctor(anaSilva),
    actor: receptionist,
    note: 'Dr Ana Silva joins the practice',
  },
  { kind: 'command', command: registerDoctor(raviPatel), actor: receptionist },
  { kind: 'command', command: registerPatient(tomBaker), actor: receptionist },
  { kind: 'command', command: registerPatient(mariaLopez), actor: receptionist },
  { kind: 'command', command: registerPatient(chenWei), actor: receptionist },
  {
    kind: 'command',
    command: scheduleDay({ slots: times.map((startTime) => ({ startTime })) }),
    actor: anaSilva.name,
    note: 'Dr Silva opens her Monday morning',
  },
];
