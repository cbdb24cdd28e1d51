export * from './race.ts';
export * from './generators.ts';
export * from './properties.ts';
export * from './lab.ts';
export { canonicalJson, hashText } from '../../../core/json.ts';
export * from './minimize.ts';
