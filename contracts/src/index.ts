// The HTTP and socket contract shared by the backend and the apps (see shared/API.md).
// Plain types and constants only: no decorators and no runtime dependencies.

export * from './errors.js';
export * from './citizen.js';
export * from './staff.js';
export * from './devices.js';
export * from './events.js';
export * from './admin.js';
export * from './booking-code.js';
