/** The feed feature's public surface, for the app shell's router. */
export { FeedPage } from './feed-page';
