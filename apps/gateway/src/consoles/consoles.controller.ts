import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Request, Response } from 'express';

/**
 * Serves the browser consoles built by consoles/build.js into <dist>/consoles, next to the
 * compiled apps, so a side build (ROSTRUM_DIST) serves its own consoles. Files only: the
 * consoles talk to the gateway through socket.io and the REST API like any client. Vite's
 * bundles under assets/ carry a content hash in their names: cached for good; pages are not.
 */
const ROOT = resolve(__dirname, '../../../../consoles');
const PAGES = new Set(['chair', 'delegate', 'viewer', 'moderator', 'secretariat', 'display', 'record']);

@ApiExcludeController()
@Controller('console')
export class ConsolesController {
  @Get()
  index(@Req() req: Request, @Res() res: Response): void {
    // Pages use relative URLs (assets/…, console.css): they need the trailing slash.
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) return res.redirect(301, req.originalUrl.replace(/^([^?]*)/, '$1/'));
    this.send(res, 'index.html');
  }

  @Get('*path')
  file(@Param('path') path: string | string[], @Res() res: Response): void {
    const rel = Array.isArray(path) ? path.join('/') : path;
    this.send(res, PAGES.has(rel) ? `${rel}.html` : rel);
  }

  private send(res: Response, rel: string): void {
    if (!existsSync(join(ROOT, 'index.html'))) throw new NotFoundException({ code: 'NOT_FOUND', message: 'consoles are not built: node consoles/build.js' });
    // `root` confines the path to the consoles folder (no traversal); dotfiles are refused.
    const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.sendFile(rel, { root: ROOT, dotfiles: 'deny', headers: { 'cache-control': cache, 'x-content-type-options': 'nosniff' } }, (err) => {
      if (err && !res.headersSent) res.status(404).json({ ok: false, error: { code: 'NOT_FOUND', message: `no console file ${rel}` } });
    });
  }
}
