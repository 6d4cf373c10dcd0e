// Registers M3's members once for every file (the rate-limit check then uses up /auth's budget).
export { default } from '../m2/global-setup.ts';
