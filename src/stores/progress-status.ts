/** Where saved exercise progress lives in localStorage (shared by the store and the badges). */
export const PROGRESS_KEY = 'workbook:progress';
