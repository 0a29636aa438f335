import { notFound } from 'next/navigation';
import { NotFoundError } from './errors';

/** Awaits a read, turning "not found or not yours to see" into the 404 page. */
export async function readableOr404<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
