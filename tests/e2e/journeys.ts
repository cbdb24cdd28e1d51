import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Opens a panel by its tab. */
export async function openTab(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The number of events the header reports. */
export async function eventCount(page: Page): Promise<number> {
  const text = await page.getByTestId('store-status').innerText();
  return Number(/(\d+)\s+events?/.exec(text)?.[1] ?? NaN);
}

export async function waitForEvents(page: Page, atLeast: number): Promise<void> {
  await expect.poll(() => eventCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(atLeast);
}

/** Registers a doctor and a patient through the board's forms. */
export async function registerPeople(page: Page): Promise<void> {
  await openTab(page, /Practice board/);
  const doctor = page.getByRole('form', { name: 'RegisterDoctor' });
  await doctor.getByLabel('Doctor id').fill('ana');
  await doctor.getByLabel('Name').fill('Dr Ana Silva');
  await doctor.getByLabel('Specialty').fill('General practice');
  await doctor.getByRole('button', { name: 'Register doctor' }).click();
  await expect.poll(() => doctor.getByRole('status').innerText()).toContain('DoctorRegistered');
  const patient = page.getByRole('form', { name: 'RegisterPatient' });
  await patient.getByLabel('Patient id').fill('tom');
  await patient.getByLabel('Name').fill('Tom Baker');
  await patient.getByLabel('Email').fill('tom.baker@example.com');
  await patient.getByLabel('Birth date').fill('1985-06-14');
  await patient.getByRole('button', { name: 'Register patient' }).click();
  await expect.poll(() => patient.getByRole('status').innerText()).toContain('PatientRegistered');
}

export async function actAs(page: Page, label: string): Promise<void> {
  await page.getByLabel('Acting as').selectOption({ label });
}

/** As the doctor, schedules today's slots from–to on the board. */
export async function scheduleDay(page: Page, from: string, to: string): Promise<void> {
  await actAs(page, 'Dr Ana Silva');
  const form = page.getByRole('form', { name: 'Schedule the day' });
  await form.getByLabel('From').fill(from);
  await form.getByLabel('To').fill(to);
  await form.getByRole('button', { name: /^Schedule \d+ slots?$/ }).click();
}

export async function slotButton(page: Page, time: string) {
  return page.getByRole('button', { name: new RegExp(`^${time} Dr Ana Silva:`) });
}

/** As the patient, books the slot at `time` (single or double). */
export async function book(page: Page, time: string, isDouble = false): Promise<void> {
  await actAs(page, 'Tom Baker');
  await (await slotButton(page, time)).click();
  await page.getByRole('button', { name: isDouble ? 'Book double slot' : 'Book this slot' }).click();
  await expect
    .poll(() => page.getByRole('status', { name: 'Board result' }).innerText())
    .toContain('SlotBooked');
}
