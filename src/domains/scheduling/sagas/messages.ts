import { dateOfDay, startTimeOfSlotId } from '../ids.ts';

/** Pure: "on 2026-03-02 at 09:10", or the slot id when it does not carry its time. */
export function visitWording(dayId: string, slotId: string): string {
  const startTime = startTimeOfSlotId(slotId);
  return startTime ? `on ${dateOfDay(dayId)} at ${startTime}` : `on ${dateOfDay(dayId)} (slot ${slotId})`;
}

/** Pure: the email telling a patient the overbooking rule cancelled a booking. */
export const overbookingMessage = (dayId: string, slotId: string, monthlyLimit: number, month: string) => ({
  subject: `Your appointment ${visitWording(dayId, slotId)} was cancelled`,
  body:
    `A patient can hold at most ${monthlyLimit} appointments in a month. Your booking ${visitWording(dayId, slotId)} ` +
    `went over that limit for ${month}, so it was cancelled automatically. Your other appointments are unchanged.`,
});

/** Pure: the email telling a patient their doctor's day was cancelled. */
export const dayCancelledMessage = (dayId: string, slotId: string) => ({
  subject: `Your appointment ${visitWording(dayId, slotId)} was cancelled`,
  body:
    `Your doctor can no longer see patients on ${dateOfDay(dayId)}, so every appointment that day was cancelled, ` +
    `including yours ${visitWording(dayId, slotId)}. Please book another slot.`,
});
