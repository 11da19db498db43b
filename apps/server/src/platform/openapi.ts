import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * OpenAPI 3.1 generated from the zod schemas on each route, served as JSON at
 * /api/openapi.json and browsable at /api/docs (Swagger UI, assets served
 * locally — no CDN, so it works offline and under our CSP).
 */
export async function registerOpenApi(
  app: FastifyInstance,
  opts: { version: string; publicUrl: string },
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'InterviewSelect API',
        version: opts.version,
        description:
          'REST API of InterviewSelect. Errors are RFC 9457 `application/problem+json` with a stable `code`; ' +
          'validation errors list each invalid field under `issues`.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: opts.publicUrl }],
      tags: [
        { name: 'system', description: 'Health, readiness and deployment facts' },
        { name: 'dev', description: 'Development helpers (embedded mode only)' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: false },
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
