// Looks shared by the event history's components.

export const buttonClass =
  'rounded border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50';
export const primaryButtonClass =
  'rounded border border-blue-700 bg-blue-600 px-2.5 py-1 text-sm font-medium text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:opacity-50';
export const inputClass =
  'rounded border border-slate-300 px-2 py-1 text-sm text-slate-900 focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500';
export const linkClass = 'text-blue-700 underline-offset-2 hover:underline';

/** `1,204,311`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
