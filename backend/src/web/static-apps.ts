import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The built Vue apps, each under its path; history-mode routes fall back to the app's index.html. */
export const APPS = [
  { name: 'desk', path: '/desk' },
  { name: 'display', path: '/display' },
  { name: 'kiosk', path: '/kiosk' },
  { name: 'booking', path: '' },
] as const;

export function staticApps(appsRoot: string): express.Router {
  const router = express.Router();
  for (const app of APPS) {
    const dir = join(appsRoot, app.name, 'dist');
    const mount = app.path || '/';
    router.use(mount, express.static(dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
    router.use(mount, (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io') || !req.accepts('html')) return next();
      if (app.path === '' && (req.originalUrl.startsWith('/api') || req.originalUrl.startsWith('/socket.io'))) return next();
      const index = join(dir, 'index.html');
      if (!existsSync(index)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  return router;
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
