/** The library's commands: each one's data schema (the single source of its type) and what it does. */
import { z } from 'zod';
import type { Command } from '../../core/boundedContext.ts';
import { dateRule, idRule, instantRule, textRule } from '../../core/rules.ts';
import { messageDefinitions } from './messages.ts';
import { bookTypeRule, daysRule, holdNumberRule, isbnRule, patronTypeRule } from './rules.ts';

/** Each command type's data schema. */
export const commandSchemas = {
  AddBook: z.object({ isbn: isbnRule, title: textRule, author: textRule }),
  AddBookInstance: z.object({ bookId: idRule, isbn: isbnRule, branchId: idRule, bookType: bookTypeRule }),
  RegisterPatron: z.object({ patronId: idRule, name: textRule, patronType: patronTypeRule }),
  PlaceOnHold: z.object({ patronId: idRule, bookId: idRule, days: daysRule.optional() }),
  CancelHold: z.object({
    patronId: idRule,
    bookId: idRule,
    reason: textRule.optional(),
    /** Cancel only this hold of the patron's (a compensation names the hold it compensates). */
    holdNumber: holdNumberRule.optional(),
  }),
  CheckOut: z.object({ patronId: idRule, bookId: idRule, days: daysRule }),
  ReturnBook: z.object({ patronId: idRule, bookId: idRule }),
  ExpireHold: z.object({ patronId: idRule, bookId: idRule }),
  RegisterOverdueCheckout: z.object({ patronId: idRule, bookId: idRule }),
  MarkBookOnHold: z.object({
    bookId: idRule,
    patronId: idRule,
    holdTill: instantRule.nullable(),
    holdNumber: holdNumberRule.optional(),
  }),
  MarkBookAvailable: z.object({ bookId: idRule }),
  MarkBookCheckedOut: z.object({ bookId: idRule, patronId: idRule, till: instantRule }),
  RunDailySheet: z.object({ date: dateRule }),
};

export type LibraryCommandType = keyof typeof commandSchemas;

/** A library command of one type, its data typed by its schema. */
export type CommandOf<T extends LibraryCommandType> = Command<T, z.infer<(typeof commandSchemas)[T]>>;

export type AddBook = CommandOf<'AddBook'>;
export type AddBookInstance = CommandOf<'AddBookInstance'>;
export type RegisterPatron = CommandOf<'RegisterPatron'>;
export type PlaceOnHold = CommandOf<'PlaceOnHold'>;
export type CancelHold = CommandOf<'CancelHold'>;
export type CheckOut = CommandOf<'CheckOut'>;
export type ReturnBook = CommandOf<'ReturnBook'>;
export type ExpireHold = CommandOf<'ExpireHold'>;
export type RegisterOverdueCheckout = CommandOf<'RegisterOverdueCheckout'>;
export type MarkBookOnHold = CommandOf<'MarkBookOnHold'>;
export type MarkBookAvailable = CommandOf<'MarkBookAvailable'>;
export type MarkBookCheckedOut = CommandOf<'MarkBookCheckedOut'>;
export type RunDailySheet = CommandOf<'RunDailySheet'>;

export type CatalogueCommand = AddBook | AddBookInstance;
export type PatronCommand =
  RegisterPatron | PlaceOnHold | CancelHold | CheckOut | ReturnBook | ExpireHold | RegisterOverdueCheckout;
export type BookCommand = MarkBookOnHold | MarkBookAvailable | MarkBookCheckedOut;
export type DailySheetCommand = RunDailySheet;
export type LibraryCommand = CatalogueCommand | PatronCommand | BookCommand | DailySheetCommand;

const descriptions: Record<LibraryCommandType, string> = {
  AddBook: 'Adds a book (a title by its ISBN) to the catalogue.',
  AddBookInstance: 'Adds one physical copy of a catalogued book to a branch, circulating or restricted.',
  RegisterPatron: 'Registers a patron, regular or researcher.',
  PlaceOnHold:
    'Places a copy on hold for a patron, for 1 to 60 days (only researchers may leave the end open).',
  CancelHold: "Cancels a patron's hold on a copy.",
  CheckOut: 'Lends a copy the library has set aside for the patron, for 1 to 60 days; the hold ends.',
  ReturnBook: 'Takes back a copy a patron had checked out.',
  ExpireHold: 'Ends a hold whose time is up (sent by the daily sheet).',
  RegisterOverdueCheckout: 'Records that a checkout is overdue (sent by the daily sheet).',
  MarkBookOnHold:
    "Records on the copy's own stream that it is on hold for a patron, or that another patron already holds it (sent by the book process).",
  MarkBookAvailable: "Records on the copy's own stream that it is available (sent by the book process).",
  MarkBookCheckedOut:
    "Records on the copy's own stream that a patron has checked it out (sent by the book process).",
  RunDailySheet:
    'Runs the daily sheet for a date (sent when the clock passes midnight): holds past their end expire, late checkouts become overdue.',
};

/** Every command type with its schema and description, as `defineDomain` takes them. */
export const commandDefinitions = messageDefinitions(commandSchemas, descriptions);
