import * as build from '../../domains/scheduling/builders.ts';
import type { Message } from '../../core/domain/scenario.ts';

/** Realistic example data for each event type, to start a Given event from. */
export const eventExamples: Message[] = [
  build.doctorRegistered(),
  build.patientRegistered(),
  build.dayScheduled(),
  build.slotScheduled(),
  build.slotBooked(),
  build.slotBookingCancelled(),
  build.slotScheduleCancelled(),
  build.dayScheduleCancelled(),
  build.dayScheduleArchived(),
  build.patientNotified(),
] as Message[];
