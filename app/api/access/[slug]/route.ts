// The access API: the signed link in X-Sesamy-Signed-Url (or X-Signed-Url) opens an article's
// body as JSON, for the content container on this shop or on an allowed origin.
import { unlockArticle } from '@/lib/content-links/access';
import { corsHeaders, preflightHeaders, signedUrlFrom } from '@/lib/content-links/cors';
import { accessContext } from '@/lib/server/content-links';
import { ContentNotFound } from '@/lib/content-links/errors';
import { PRIVATE_HEADERS, publicError, requestLanguage } from '@/lib/http/errors';
import { shop } from '@/lib/server/shop';

type Context = { params: Promise<{ slug: string }> };

const isSlug = (slug: string) => /^[a-z0-9][a-z0-9-]{0,99}$/.test(slug);

export function OPTIONS(request: Request): Response {
  return new Response(null, { status: 204, headers: preflightHeaders(request.headers.get('origin'), shop().settings.contentAllowedOrigins) });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const headers = { ...PRIVATE_HEADERS, ...corsHeaders(request.headers.get('origin'), shop().settings.contentAllowedOrigins) };
  const { slug } = await params;
  try {
    if (!isSlug(slug)) throw new ContentNotFound();
    const { article, html } = await unlockArticle(accessContext(new Date()), slug, { link: signedUrlFrom(request.headers) });
    return Response.json({ slug: article.slug, title: article.title, html }, { headers });
  } catch (error) {
    const { status, code, message } = publicError(error, 'content access', requestLanguage(request));
    return Response.json({ error: code, message }, { status, headers });
  }
}
