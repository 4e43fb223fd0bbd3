import { SegmentKitError } from '../errors/SegmentKitError';
import type { SegmentModel } from './SegmentModel';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RegisteredModel = SegmentModel<any, any>;

/** Model kinds by name; the runner looks models up here, so new kinds plug in by registering. */
export class ModelRegistry {
  private readonly models = new Map<string, RegisteredModel>();

  /**
   * Adds a model kind; registering the same kind twice is an error (it would silently change recipes).
   *
   * @example
   * const registry = new ModelRegistry();
   * registry.register(rfmModel);
   */
  register(model: RegisteredModel): this {
    if (this.models.has(model.kind)) {
      throw new SegmentKitError('E_MODEL_DUPLICATE', `A model of kind "${model.kind}" is already registered`, { hint: 'Give the new model its own kind name.' });
    }
    this.models.set(model.kind, model);
    return this;
  }

  has(kind: string): boolean {
    return this.models.has(kind);
  }

  /** The model for `kind`, or undefined. */
  find(kind: string): RegisteredModel | undefined {
    return this.models.get(kind);
  }

  /** Registered kinds in registration order. */
  kinds(): string[] {
    return [...this.models.keys()];
  }
}
